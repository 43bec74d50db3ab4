using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Explanations;

namespace QuestionSessions.Domain.Tests.Explanations;

/// <summary>
/// A household in Hà Nội asks the city's Department of Agriculture and Environment to explain a land
/// recovery decision; the people around it, and the request at each step of its way.
/// </summary>
internal static class ExplanationScript
{
    public const string Body = "hdnd-hn";

    public static readonly RequestedAgency Agency = new("so-nnmt-hn", "Sở Nông nghiệp và Môi trường Hà Nội", Body);

    public static readonly RequestedAgency Ward = new("ubnd-p-hoan-kiem", "Ủy ban nhân dân phường Hoàn Kiếm", Body);

    public static readonly Guid Id = Guid.Parse("0d6c2b7a-41f3-4c1e-9a57-3b9e2f1c7d01");

    public static readonly Guid Requester = Guid.Parse("5b0e8f3c-9a2d-4d6e-8c1f-2e7a9b4c6d02");

    /// <summary>Monday 2 March 2026, 10:00 in Hà Nội.</summary>
    public static readonly DateTimeOffset Now = At(3, 2, 10);

    /// <summary>5 working days after Monday 2 March 2026: Monday 9 March.</summary>
    public static readonly DateOnly AcknowledgeBy = VietnamHolidays.Calendar.AddWorkingDays(new DateOnly(2026, 3, 2), 5);

    /// <summary>Accepted on Wednesday 4 March; 15 days: Thursday 19 March.</summary>
    public static readonly DateTimeOffset AcceptedOn = At(3, 4, 9);

    public static readonly DateOnly ExplainBy = new(2026, 3, 19);

    /// <summary>An instant in Hà Nội in 2026.</summary>
    public static DateTimeOffset At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, VietnamTime.Offset);

    public static Actor Officer(string agency = "so-nnmt-hn", string body = Body) =>
        new($"u-officer-{agency}-{body}", $"Cán bộ {agency}", [new Grant(Role.AgencyOfficer, body, agency)]);

    /// <summary>A citizen signed in to the portal: no grants.</summary>
    public static Actor Citizen { get; } = new("u-citizen", "Nguyễn Văn An", []);

    public static FileExplanationRequest File(
        FilingChannel channel = FilingChannel.Online,
        Actor? by = null,
        int represented = 1,
        int representatives = 1,
        string subject = "Giải trình quyết định thu hồi đất tại phường Hoàn Kiếm",
        string matter = "Quyết định thu hồi 120 m² đất ở của gia đình tôi, không nêu căn cứ tính bồi thường; gia đình bị ảnh hưởng trực tiếp.",
        DateOnly? acknowledgeBy = null,
        DateTimeOffset? now = null) =>
        new(Id, "GT-7F3Q-2M9X", Agency, RequesterKind.Person, Requester, represented, representatives, subject, matter,
            "Quyết định số 1234/QĐ-UBND", channel, true, acknowledgeBy ?? AcknowledgeBy, by ?? Citizen, now ?? Now);

    public static ExplanationState Apply(ExplanationState state, ExplanationCommand command)
    {
        var decision = ExplanationDecider.Decide(command, state);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, ExplanationDecider.Evolve);
    }

    public static ExplanationState Filed() => Apply(ExplanationDecider.Initial, File());

    public static AcceptRequest Accept(DateTimeOffset? on = null, DateOnly? explainBy = null, Actor? by = null) =>
        new(explainBy ?? ExplainBy, by ?? Officer(), on ?? AcceptedOn);

    public static ExplanationState Accepted() => Apply(Filed(), Accept());

    public static GiveExplanation Explanation(DateTimeOffset? on = null, Actor? by = null) =>
        new("Việc thu hồi đất căn cứ **Điều 79** Luật Đất đai 2024; giá bồi thường theo bảng giá đất năm 2026.",
            "Luật Đất đai 2024; Quyết định 71/2024/QĐ-UBND", by ?? Officer(), on ?? At(3, 16, 9));

    public static ExplanationState Explained() => Apply(Accepted(), Explanation());

    public static RedirectRequest RedirectToWard(DateTimeOffset? on = null, DateOnly? acknowledgeBy = null, Actor? by = null) =>
        new(Ward, "Quyết định do Ủy ban nhân dân phường ban hành.", acknowledgeBy ?? new DateOnly(2026, 3, 11), by ?? Officer(), on ?? At(3, 4, 9));
}
