using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Sittings;

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
        writes.MapPost("/{sittingId:guid}/commitments", RecordCommitmentAsync);
        writes.MapPost("/{sittingId:guid}/video-stream", (Guid sittingId, VideoRequest body, VideoHosts hosts, CommandRunner r, HttpContext h) =>
            r.RunAsync(h, sittingId, (a, now) => new SetVideoStream(body.Url, a, now, hosts.Hosts)));
    }

    /// <summary>
    /// Resolves the owner to one of the body's registered agencies (named, or the answering official's) and the
    /// deadline to a date, so the ledger can follow the commitment; an unknown agency or session is refused here,
    /// before anything is written.
    /// </summary>
    private static async Task<IResult> RecordCommitmentAsync(
        Guid sittingId, CommitmentRequest request, IGrainFactory grains, CommandRunner runner, HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISittingGrain>(sittingId).Get(cancellationToken) is not (var sitting, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such sitting.", "sitting_not_found");
        }

        var body = (await grains.GetGrain<IBodyGrain>(sitting.BodyId).Get(cancellationToken))?.State ?? BodyState.Empty;
        var cluster = sitting.Question(request.QuestionId)?.ClusterId is { } clusterId ? sitting.Cluster(clusterId) : null;
        var respondentId = request.RespondentId ?? cluster?.Main.OfficialId;
        var agencyId = request.AgencyId is { Length: > 0 } named ? named.Trim()
            : respondentId is not null && body.Officials.TryGetValue(respondentId, out var official) ? official.AgencyId : null;
        if (agencyId is null)
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Owner required",
                "Name the agency responsible: the answering official has no registered agency.", "owner_required");
        }

        if (!body.Agencies.TryGetValue(agencyId, out var agency))
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown agency",
                $"'{agencyId}' is not an agency registered with this body.", "agency_not_found");
        }

        var (deadline, problem) = Commitments.DeadlineChoice.Resolve(body, request.Deadline, request.BeforeSession);
        if (problem is not null)
        {
            return problem;
        }

        var commitmentId = CommandRunner.NewId(http, sittingId, "commitment");
        return await runner.RunAsync(http, sittingId, (actor, now) => new RecordCommitment(
            commitmentId, request.QuestionId, request.RespondentId, agency.Name, request.Text, deadline!.Date, actor, now, agency.AgencyId, deadline.Label), commitmentId);
    }
}
