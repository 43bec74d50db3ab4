using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Tests.Commitments;

/// <summary>A commitment of the Minister of Health, made in a sitting of the National Assembly, and the people around it.</summary>
internal static class CommitmentScript
{
    public const string Agency = "bo-y-te";

    public static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Deadline = new(2027, 3, 31);

    public static readonly Guid Id = Guid.Parse("6f1f0c9e-2b1d-4a55-9d0e-6c3c8a1b2c01");

    public static readonly Provenance FromAnswer = new(
        SourceKind.Answer, Actors.NationalAssembly, SittingId: Guid.NewGuid(), ClusterId: Guid.NewGuid(), QuestionId: Guid.NewGuid(), QuestionerId: "na-d-001");

    public static readonly CommitmentOwner Owner = new(Agency, "Bộ Y tế", "na-o-health", "Ngô Thanh Bình");

    public static Actor Officer(string agency = Agency, string body = Actors.NationalAssembly) =>
        new($"u-officer-{agency}", $"Cán bộ {agency}", [new Grant(Role.AgencyOfficer, body, agency)]);

    public static Actor Supervisor(string body = Actors.NationalAssembly) => new($"u-sup-{body}", "Ủy ban giám sát", [new Grant(Role.Supervisor, body)]);

    public static MakeCommitment Make(
        IReadOnlyList<CommitmentOwner>? owners = null, CommitmentDeadline? deadline = null, Actor? by = null, string text = "Bảo đảm đủ thuốc cho bệnh viện tuyến huyện", Provenance? provenance = null) =>
        new(Id, CommitmentKind.Commitment, provenance ?? FromAnswer, owners ?? [Owner], text, "Không còn thiếu thuốc trong danh mục",
            deadline is null ? new CommitmentDeadline(Deadline) : deadline, null, by ?? Actors.Secretariat(), Now);

    public static CommitmentState Made() => Apply(CommitmentDecider.Initial, Make());

    public static CommitmentState Apply(CommitmentState state, CommitmentCommand command)
    {
        var decision = CommitmentDecider.Decide(command, state);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, CommitmentDecider.Evolve);
    }

    public static CommitmentState Claimed() =>
        Apply(Made(), new ClaimFulfilment("Đã cấp đủ 120 loại thuốc.", ["https://moh.gov.vn/bao-cao/1"], Officer(), Now.AddDays(30)));
}
