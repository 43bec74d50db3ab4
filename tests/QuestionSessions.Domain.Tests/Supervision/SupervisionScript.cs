using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Places;
using QuestionSessions.Domain.Supervision;

namespace QuestionSessions.Domain.Tests.Supervision;

/// <summary>
/// A topic of the Hanoi People's Council on medicines in commune health stations, supervised by its
/// culture and society committee, from the decision on 1 December 2026 to the close, and the people around it.
/// </summary>
internal static class SupervisionScript
{
    public const string Body = "pc-ha-noi";

    public const string Term = "2026-2031";

    public static readonly Guid TopicId = Guid.Parse("0b9d6f55-7c1e-4f0a-9a61-2d4b3c5e7f01");

    public static readonly Guid VisitId = Guid.Parse("0b9d6f55-7c1e-4f0a-9a61-2d4b3c5e7f02");

    public static readonly Guid FindingId = Guid.Parse("0b9d6f55-7c1e-4f0a-9a61-2d4b3c5e7f03");

    public static readonly Guid RecommendationId = Guid.Parse("0b9d6f55-7c1e-4f0a-9a61-2d4b3c5e7f04");

    public static readonly SupervisedAgency Health = new("hn-a-health", "Sở Y tế Hà Nội", Body);

    public static readonly SupervisedAgency Insurance = new("hn-a-insurance", "Bảo hiểm xã hội thành phố Hà Nội", Body);

    /// <summary>An agency of the city the topic does not supervise.</summary>
    public static readonly SupervisedAgency Education = new("hn-a-education", "Sở Giáo dục và Đào tạo Hà Nội", Body);

    /// <summary>10:00 on 1 December 2026 in Hanoi.</summary>
    public static readonly DateTimeOffset Now = On(new DateOnly(2026, 12, 1));

    public static readonly DateOnly Today = new(2026, 12, 1);

    public static readonly DateOnly PlanDueBy = Today.AddDays(15);

    public static readonly DateOnly[] Sessions = [new(2026, 12, 20), new(2027, 1, 5)];

    public static readonly DateOnly VisitDate = new(2026, 12, 20);

    public static readonly Locality Commune = new("ha-noi", "Phường Ba Đình");

    /// <summary>10:00 on <paramref name="date"/> in Hanoi.</summary>
    public static DateTimeOffset On(DateOnly date) => new(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(7));

    public static Actor Supervisor(string body = Body) => new($"u-sup-{body}", "Ban Văn hóa - Xã hội", [new Grant(Role.Supervisor, body)]);

    public static Actor Officer(string agency = "hn-a-health", string body = Body) =>
        new($"u-officer-{agency}-{body}", $"Cán bộ {agency}", [new Grant(Role.AgencyOfficer, body, agency)]);

    public static Actor Deputy => Actors.Deputy("hn-d-007", Body);

    public static DecideTopic Decide(
        string title = "Việc bảo đảm thuốc tại trạm y tế xã, phường",
        IReadOnlyList<SupervisedAgency>? supervised = null,
        DateOnly? planDueBy = null,
        Actor? by = null,
        string? reference = "Nghị quyết số 12/NQ-HĐND") =>
        new(TopicId, Body, Term, title, "Giám sát việc **cung ứng thuốc** và vật tư y tế tại 126 trạm y tế.", "Ban Văn hóa - Xã hội HĐND thành phố",
            reference, supervised ?? [Health, Insurance], planDueBy ?? PlanDueBy, by ?? Actors.Secretariat(Body), Now);

    public static SendPlan Plan(IReadOnlyList<DateOnly>? sessions = null, DateOnly? sentOn = null, Actor? by = null, DateTimeOffset? at = null, string outline = "Đề cương báo cáo: 1. Thực trạng; 2. Nguyên nhân; 3. Kiến nghị.") =>
        new(outline, sessions ?? Sessions, sentOn, by ?? Supervisor(), at ?? Now.AddDays(2));

    public static ReceiveReport Report(Guid? id = null, SupervisedAgency? agency = null, Actor? by = null, DateTimeOffset? at = null) =>
        new(id ?? Guid.NewGuid(), (agency ?? Health).AgencyId, "Báo cáo của Sở Y tế về tình hình cung ứng thuốc.", ["https://soyte.hanoi.gov.vn/bao-cao/12"],
            by ?? Officer(), at ?? Now.AddDays(5));

    public static RecordFieldVisit Visit(Guid? id = null, DateOnly? date = null, DateTimeOffset? at = null, Actor? by = null) =>
        new(id ?? VisitId, date ?? VisitDate, Commune, "Trạm y tế thiếu 14 loại thuốc thiết yếu.", by ?? Supervisor(), at ?? On((date ?? VisitDate).AddDays(1)));

    public static RecordFinding Finding(Guid? id = null, DateTimeOffset? at = null, Actor? by = null) =>
        new(id ?? FindingId, "Nhiều trạm y tế thiếu thuốc điều trị bệnh mạn tính.", by ?? Supervisor(), at ?? On(new DateOnly(2026, 12, 24)));

    public static MakeRecommendation Recommend(
        Guid? id = null, string text = "Bảo đảm đủ thuốc điều trị bệnh mạn tính tại trạm y tế", SupervisedAgency? owner = null,
        CommitmentDeadline? deadline = null, IReadOnlyList<Guid>? findings = null, Actor? by = null, DateTimeOffset? at = null) =>
        new(id ?? RecommendationId, text, "Không trạm nào thiếu thuốc trong danh mục", owner ?? Health,
            deadline ?? new CommitmentDeadline(new DateOnly(2027, 6, 30)), findings ?? [FindingId], by ?? Supervisor(), at ?? On(new DateOnly(2026, 12, 26)));

    public static AdoptSupervisionResolution Resolution(Actor? by = null, string reference = "Nghị quyết số 45/NQ-HĐND", DateTimeOffset? at = null) =>
        new(reference, "HĐND thành phố yêu cầu UBND chỉ đạo…", new DateOnly(2027, 1, 10), by ?? Actors.Secretariat(Body), at ?? On(new DateOnly(2027, 1, 10)));

    public static SupervisionState Apply(SupervisionState state, SupervisionCommand command)
    {
        var decision = SupervisionDecider.Decide(command, state);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, SupervisionDecider.Evolve);
    }

    public static SupervisionState Decided() => Apply(SupervisionDecider.Initial, Decide());

    /// <summary>The plan sent on 3 December, in time.</summary>
    public static SupervisionState Planned() => Apply(Decided(), Plan());

    /// <summary>One field visit on 20 December: the draft report is due on 27 December.</summary>
    public static SupervisionState InFieldwork() => Apply(Planned(), Visit());

    /// <summary>One finding recorded on 24 December.</summary>
    public static SupervisionState Reporting() => Apply(InFieldwork(), Finding());

    /// <summary>One recommendation to the health department, then the resolution of 10 January 2027.</summary>
    public static SupervisionState Resolved() => Apply(Apply(Reporting(), Recommend()), Resolution());

    public static SupervisionState Closed() => Apply(Resolved(), new CloseTopic("Đã giám sát xong.", Actors.Secretariat(Body), On(new DateOnly(2027, 1, 20))));
}
