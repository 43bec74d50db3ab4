using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Commitments;

/// <summary>
/// The ledger's filter as query parameters, shared by the tracker's list, the exports and the feeds.
/// <see cref="Status"/> is a comma-separated list of statuses; <see cref="Window"/> is <c>overdue</c> or
/// <c>due30</c>; <see cref="Region"/> is a body with the bodies under it (a province and its communes).
/// </summary>
internal sealed record LedgerArgs(
    string? Body, string? Region, string? Term, Guid? Sitting, string? Agency, string? Official, string? Questioner,
    string? Status, string? Kind, string? Window, DateOnly? DueFrom, DateOnly? DueTo)
{
    public static ProblemHttpResult BadFilter() => (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad filter",
        $"status is a comma-separated list of {string.Join(", ", Enum.GetNames<CommitmentStatus>().Skip(1))}; kind is commitment or writtenAnswer; window is overdue or due30.",
        "bad_filter");

    /// <summary>The filter, or null when a status, the kind or the window is not one the ledger knows.</summary>
    public LedgerFilter? ToFilter()
    {
        var statuses = new List<CommitmentStatus>();
        foreach (var part in (Status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<CommitmentStatus>(part, ignoreCase: true, out var parsed) || parsed == CommitmentStatus.None || part.Any(char.IsDigit))
            {
                return null;
            }

            statuses.Add(parsed);
        }

        CommitmentKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (!Enum.TryParse<CommitmentKind>(Kind.Trim(), ignoreCase: true, out var parsedKind) || Kind.Any(char.IsDigit))
            {
                return null;
            }

            kind = parsedKind;
        }

        if (Window is not (null or "" or LedgerFilter.Overdue or LedgerFilter.DueSoon))
        {
            return null;
        }

        return new LedgerFilter(Blank(Body), Blank(Region), Blank(Term), Sitting, Blank(Agency), Blank(Official), Blank(Questioner),
            statuses, kind, Blank(Window), DueFrom, DueTo);
    }

    /// <summary>A title for a feed of this filter: what it follows.</summary>
    public string Describe()
    {
        var parts = new[] { Body, Region, Agency, Official, Window }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim());
        return string.Join(" · ", parts.Prepend("Cam kết"));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
