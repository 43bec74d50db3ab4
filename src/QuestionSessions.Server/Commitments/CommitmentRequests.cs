using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Commitments;

internal sealed record ProgressRequest(
    [property: Required, StringLength(CommitmentDecider.MaxMarkdown)] string Markdown,
    [property: MaxLength(CommitmentDecider.MaxEvidence)] IReadOnlyList<string>? Evidence,
    [property: Range(0, 100)] int? Percent);

internal sealed record SubmissionRequest(
    [property: Required, StringLength(300)] string Authority,
    [property: StringLength(CommitmentDecider.MaxReason)] string? Note);

internal sealed record ClaimRequest(
    [property: Required, StringLength(CommitmentDecider.MaxMarkdown)] string Markdown,
    [property: MaxLength(CommitmentDecider.MaxEvidence)] IReadOnlyList<string>? Evidence);

internal sealed record AssessmentRequest(
    Assessment Assessment,
    [property: Required, StringLength(CommitmentDecider.MaxReason)] string Note);

internal sealed record WithdrawalRequest([property: Required, StringLength(CommitmentDecider.MaxReason)] string Reason);

/// <summary>A new deadline: a date, or the session of the term before which the commitment is kept; and why.</summary>
internal sealed record DeadlineRequest(
    DateOnly? Date,
    [property: Range(1, 99)] int? BeforeSession,
    [property: Required, StringLength(CommitmentDecider.MaxReason)] string Reason);

/// <summary>
/// One event of a commitment's public timeline, with its stream version. <see cref="Html"/> is the report's
/// Markdown rendered and sanitised by the server (on <c>progress_reported</c> and <c>fulfilment_claimed</c>).
/// </summary>
internal sealed record CommitmentEventView(
    Guid CommitmentId,
    long Version,
    string Type,
    DateTimeOffset RecordedAt,
    JsonElement Data,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Html = null)
{
    private static readonly HashSet<string> Rendered = ["progress_reported", "fulfilment_claimed"];

    public static CommitmentEventView From(StoredEvent stored, TranscriptRenderer renderer)
    {
        var (id, data, html) = Live.LiveEvent.Read(stored, renderer, Rendered.Contains);
        return new CommitmentEventView(id, stored.Version, stored.Type, stored.RecordedAt, data, html);
    }
}

/// <summary>A commitment as the ledger lists it, and its whole timeline: every report, claim, finding and amended deadline.</summary>
internal sealed record CommitmentDetail(CommitmentSummary Commitment, IReadOnlyList<CommitmentEventView> Timeline);
