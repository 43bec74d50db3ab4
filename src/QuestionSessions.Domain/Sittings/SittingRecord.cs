using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Sittings;

/// <summary>What the secretariat records: transcript, commitments, the video link.</summary>
public sealed partial class SittingDecider
{
    public const int MaxSegmentLength = 20_000;

    private static Decision<SittingEvent> Publish(PublishTranscriptSegment c, SittingState state)
    {
        if (Requires(c, state, "publish the transcript", Role.Secretariat) is { } denied)
        {
            return denied;
        }

        if (state.PublishedSegments.Contains(c.SegmentId))
        {
            return Decision<SittingEvent>.Nothing;
        }

        if (state.Status == SittingStatus.Scheduled)
        {
            return Refuse(ErrorKind.Conflict, "sitting_not_open", "The transcript starts when the sitting opens.");
        }

        if (!Texts.HasContent(c.Markdown) || c.Markdown.Length > MaxSegmentLength)
        {
            return Refuse(ErrorKind.Invalid, "segment_length", $"A transcript segment has 1 to {MaxSegmentLength} characters.");
        }

        if (!Texts.IsLine(c.SpeakerName, MaxNameLength))
        {
            return Refuse(ErrorKind.Invalid, "speaker_required", $"Name who spoke, on one line of at most {MaxNameLength} characters, without direction controls.");
        }

        if (c.TurnId is { } turnId && !state.TurnIdUsed(turnId))
        {
            return Refuse(ErrorKind.NotFound, "turn_not_found", "The sitting has no such turn.");
        }

        return Decision<SittingEvent>.Accept(
            new TranscriptSegmentPublished(c.SegmentId, c.TurnId, Texts.Clean(c.SpeakerName), Texts.Clean(c.Markdown), c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> Commit(RecordCommitment c, SittingState state)
    {
        if (Requires(c, state, "record a commitment", Role.Secretariat) is { } denied)
        {
            return denied;
        }

        if (state.Commitments.Exists(x => x.CommitmentId == c.CommitmentId))
        {
            return Decision<SittingEvent>.Nothing;
        }

        if (state.Status == SittingStatus.Scheduled)
        {
            return Refuse(ErrorKind.Conflict, "sitting_not_open", "Commitments are made in the sitting.");
        }

        if (state.Question(c.QuestionId) is not { } question || question.ClusterId is not { } clusterId)
        {
            return Refuse(ErrorKind.NotFound, "question_not_found", "Link the commitment to a question asked in this sitting.");
        }

        // Asked, answered, or asked and then owed in writing after the close: all were put in the sitting.
        if (question.AskedAt is null)
        {
            return Refuse(ErrorKind.Conflict, "question_not_asked", "That question was not asked in the sitting.");
        }

        var cluster = state.Cluster(clusterId)!;
        var respondentId = c.RespondentId ?? cluster.Main.OfficialId;
        if (cluster.RespondentById(respondentId) is not { } respondent)
        {
            return Refuse(ErrorKind.Invalid, "respondent_not_in_cluster", "The respondent must answer in that question's cluster.");
        }

        if (!Texts.HasContent(c.Owner))
        {
            return Refuse(ErrorKind.Invalid, "owner_required", "A commitment has one owner.");
        }

        if (!Texts.HasContent(c.Text) || c.Text.Length > MaxQuestionLength)
        {
            return Refuse(ErrorKind.Invalid, "commitment_text", $"Say what was promised, in 1 to {MaxQuestionLength} characters.");
        }

        if (Commitments.CommitmentDeadline.Problem(c.Deadline, VietnamTime.Today(c.Now)) is { } badDeadline)
        {
            return badDeadline;
        }

        return Decision<SittingEvent>.Accept(new CommitmentRecorded(
            c.CommitmentId, c.QuestionId, respondent, Texts.Clean(c.Owner), Texts.Clean(c.Text), c.Deadline, c.Actor.Ref, c.Now, c.AgencyId, c.DeadlineLabel));
    }

    private static Decision<SittingEvent> Video(SetVideoStream c, SittingState state)
    {
        if (Requires(c, state, "set the video stream", Role.Secretariat) is { } denied)
        {
            return denied;
        }

        var url = string.IsNullOrWhiteSpace(c.Url) ? null : c.Url.Trim();
        Uri? uri = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme != Uri.UriSchemeHttps || uri.UserInfo.Length > 0))
        {
            return Refuse(ErrorKind.Invalid, "video_url", "The video stream must be an https address.");
        }

        if (uri is not null && VideoSource.Problem(uri, c.AllowedHosts ?? VideoSource.DefaultHosts) is { } notAllowed)
        {
            return Refuse(ErrorKind.Invalid, "video_host_not_allowed", notAllowed);
        }

        return url == state.VideoUrl
            ? Decision<SittingEvent>.Nothing
            : Decision<SittingEvent>.Accept(new VideoStreamSet(url, c.Actor.Ref, c.Now));
    }
}
