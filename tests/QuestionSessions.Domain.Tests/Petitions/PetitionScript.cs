using QuestionSessions.Domain.Places;
using QuestionSessions.Domain.Petitions;

namespace QuestionSessions.Domain.Tests.Petitions;

/// <summary>
/// A petition on hospital overcrowding raised at a contact meeting in Huế before the National Assembly's second
/// session, routed to the Ministry of Health, and the people around it.
/// </summary>
internal static class PetitionScript
{
    public const string Agency = "na-a-health";

    public const string Code = "KN-7F3Q-2M9X";

    /// <summary>10:00 on 1 December 2026 in Hanoi.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>60 days after <see cref="Today"/>.</summary>
    public static readonly DateOnly Deadline = new(2027, 1, 30);

    public static readonly Guid Id = Guid.Parse("0b8f4a52-6c1e-4d7a-9f3e-1a2b3c4d5e01");

    public static readonly Guid SourceId = Guid.Parse("0b8f4a52-6c1e-4d7a-9f3e-1a2b3c4d5e02");

    public static readonly ContactMeeting Meeting = new(
        Guid.Parse("0b8f4a52-6c1e-4d7a-9f3e-1a2b3c4d5e03"), new DateOnly(2026, 10, 10), MeetingTiming.BeforeSession, 2,
        new Locality("hue", "Phường Thuận Hóa"), ["na-d-001", "na-d-002"]);

    public static PetitionSource FromMeeting(Guid? id = null, int supporters = 120, string text = "Cử tri đề nghị giảm tình trạng quá tải tại bệnh viện tuyến tỉnh.") =>
        new(id ?? SourceId, SourceChannel.Meeting, Meeting, null, new Locality("hue"), text, supporters, null);

    public static PetitionSource Online(Guid? id = null, int supporters = 1) =>
        new(id ?? Guid.NewGuid(), SourceChannel.Online, null, Guid.NewGuid(), new Locality("ha-noi", "Phường Ba Đình"), "Bệnh viện quá tải, người bệnh nằm ghép.", supporters, null);

    public static Actor Officer(string agency = Agency, string body = Actors.NationalAssembly) =>
        new($"u-officer-{agency}-{body}", $"Cán bộ {agency}", [new Grant(Role.AgencyOfficer, body, agency)]);

    public static Actor Supervisor(string body = Actors.NationalAssembly) => new($"u-sup-{body}", "Ủy ban Dân nguyện và Giám sát", [new Grant(Role.Supervisor, body)]);

    public static Actor Voter { get; } = new("u-voter-1", "Nguyễn Thị Lan", []);

    public static FilePetition File(PetitionSource? source = null, Actor? by = null, Guid? id = null, string title = "Quá tải bệnh viện tuyến tỉnh") =>
        new(id ?? Id, Code, Actors.NationalAssembly, PetitionField.Health, title, source ?? FromMeeting(), by ?? Actors.Deputy("na-d-001"), Now);

    public static RoutePetition Route(string agency = Agency, DateOnly? deadline = null, Actor? by = null, DateTimeOffset? at = null) =>
        new(PetitionLevel.Central, agency, agency == Agency ? "Bộ Y tế" : "Bộ Xây dựng", Actors.NationalAssembly, deadline ?? Deadline, by ?? Actors.Secretariat(), at ?? Now.AddDays(1));

    public static AnswerPetition AnswerWith(PetitionOutcome outcome, DateTimeOffset at, Guid? id = null, Actor? by = null) =>
        new(id ?? Guid.NewGuid(), "Bộ Y tế đã chỉ đạo **mở rộng** khoa cấp cứu.", outcome, by ?? Officer(), at);

    public static PetitionState Filed() => Apply(PetitionDecider.Initial, File());

    public static PetitionState Routed() => Apply(Filed(), Route());

    public static PetitionState Answered(PetitionOutcome outcome = PetitionOutcome.BeingResolved) =>
        Apply(Routed(), AnswerWith(outcome, Now.AddDays(20)));

    public static PetitionState Apply(PetitionState state, PetitionCommand command)
    {
        var decision = PetitionDecider.Decide(command, state);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, PetitionDecider.Evolve);
    }

    public static Decision<PetitionEvent> Decide(PetitionCommand command, PetitionState state) => PetitionDecider.Decide(command, state);
}
