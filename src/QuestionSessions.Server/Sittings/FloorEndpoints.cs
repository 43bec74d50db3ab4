using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Server.Sittings;

/// <summary>The chair's and secretariat's steps, one task-named route each.</summary>
internal static class FloorEndpoints
{
    public static void MapFloor(this RouteGroupBuilder writes)
    {
        writes.MapPost("/{sittingId:guid}/open", (Guid sittingId, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new OpenSitting(a, now)));
        writes.MapPost("/{sittingId:guid}/close", (Guid sittingId, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new CloseSitting(a, now)));
        writes.MapPost("/{sittingId:guid}/clusters/{clusterId:guid}/open", (Guid sittingId, Guid clusterId, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new OpenCluster(clusterId, a, now)));
        writes.MapPost("/{sittingId:guid}/clusters/{clusterId:guid}/close", (Guid sittingId, Guid clusterId, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new CloseCluster(clusterId, a, now)));
        writes.MapPost("/{sittingId:guid}/clusters/{clusterId:guid}/speaking-order", (Guid sittingId, Guid clusterId, ReorderRequest body, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new ReorderSpeakers(clusterId, body.Order, a, now, body.Expected)));
        writes.MapPost("/{sittingId:guid}/speakers/next", (Guid sittingId, CallSpeakersRequest? body, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new CallSpeakers(body?.Count, a, now)));
        writes.MapPost("/{sittingId:guid}/related-respondents", (Guid sittingId, InviteRequest body, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new InviteRelatedRespondent(body.OfficialId, a, now)));
        writes.MapPost("/{sittingId:guid}/turns", (Guid sittingId, StartTurnRequest body, CommandRunner r, HttpContext h) =>
        {
            var turnId = CommandRunner.NewId(h, sittingId, "turn");
            return r.RunAsync(h, sittingId, (a, now) => new StartTurn(turnId, body.Kind, body.RegistrationId, body.SpeakerId, a, now), turnId);
        });
        writes.MapPost("/{sittingId:guid}/turns/{turnId:guid}/end", (Guid sittingId, Guid turnId, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new EndTurn(turnId, a, now)));
        writes.MapPost("/{sittingId:guid}/transcript", (Guid sittingId, TranscriptRequest body, CommandRunner r, HttpContext h) =>
        {
            var segmentId = CommandRunner.NewId(h, sittingId, "segment");
            return r.RunAsync(h, sittingId, (a, now) => new PublishTranscriptSegment(segmentId, body.TurnId, body.SpeakerName, body.Markdown, a, now), segmentId);
        });
        writes.MapPost("/{sittingId:guid}/commitments", (Guid sittingId, CommitmentRequest body, CommandRunner r, HttpContext h) =>
        {
            var commitmentId = CommandRunner.NewId(h, sittingId, "commitment");
            return r.RunAsync(h, sittingId, (a, now) => new RecordCommitment(commitmentId, body.QuestionId, body.RespondentId, body.Owner, body.Text, body.Deadline, a, now), commitmentId);
        });
        writes.MapPost("/{sittingId:guid}/video-stream", (Guid sittingId, VideoRequest body, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new SetVideoStream(body.Url, a, now)));
    }
}
