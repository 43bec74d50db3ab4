using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Domain.Tests.Sittings;

/// <summary>
/// One sitting of the National Assembly driven through the real decider: each step goes through
/// <c>Decide</c> and its events are folded with <c>Evolve</c>. A step meant to succeed fails the test
/// when it is refused, so a test only asserts what it is about.
/// </summary>
internal sealed class SittingScenario
{
    public const string Body = Actors.NationalAssembly;

    /// <summary>08:00 in Hà Nội on 20 November 2026.</summary>
    public static readonly DateTimeOffset StartsAt = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    public static readonly RulesProfile Rules = new(
        "Quốc hội 2026", new DateOnly(2026, 3, 1),
        OpeningLimit: TimeSpan.FromMinutes(5), QuestionLimit: TimeSpan.FromMinutes(1), AnswerLimit: TimeSpan.FromMinutes(3),
        DebateLimit: TimeSpan.FromSeconds(45), ClarificationLimit: TimeSpan.FromMinutes(2), ClosingLimit: TimeSpan.FromMinutes(10),
        CallBatchSize: 3, WrittenAnswerDays: 20, Source: "test");

    public static readonly Respondent Finance = new("bo-tai-chinh", "Trần Văn An", "Bộ trưởng Bộ Tài chính");
    public static readonly Respondent StateBank = new("nhnn", "Lê Thị Bình", "Thống đốc Ngân hàng Nhà nước");
    public static readonly Respondent Construction = new("bo-xay-dung", "Phạm Văn Cường", "Bộ trưởng Bộ Xây dựng");
    public static readonly Respondent Health = new("bo-y-te", "Đỗ Thị Dung", "Bộ trưởng Bộ Y tế");

    public static readonly Guid Budget = new("00000000-0000-0000-0000-00000000b0d9");
    public static readonly Guid Hospitals = new("00000000-0000-0000-0000-000000000b05");

    public static readonly Actor Chair = Actors.Chair();

    public static ClusterPlan BudgetPlan => new(Budget, "Ngân sách và nợ công", Finance, [StateBank, Construction]);

    public static ClusterPlan HospitalsPlan => new(Hospitals, "Bệnh viện quá tải", Health, []);

    public SittingState State { get; private set; } = SittingDecider.Initial;

    /// <summary>Ten days before the sitting, when the secretariat schedules it.</summary>
    public DateTimeOffset Now { get; set; } = StartsAt.AddDays(-10);

    public static SittingScenario Scheduled()
    {
        var s = new SittingScenario();
        s.Do(new ScheduleSitting(
            Guid.CreateVersion7(), Body, "Phiên chất vấn kỳ họp thứ hai", StartsAt, Rules, [BudgetPlan, HospitalsPlan],
            Actors.Secretariat(), s.Now));
        return s;
    }

    public static SittingScenario Opened()
    {
        var s = Scheduled();
        s.Now = StartsAt;
        s.Do(new OpenSitting(Chair, s.Now));
        return s;
    }

    /// <summary>Open, with the budget cluster open and nothing said yet.</summary>
    public static SittingScenario InBudget()
    {
        var s = Opened();
        s.Do(new OpenCluster(Budget, Chair, s.Now));
        return s;
    }

    public Decision<SittingEvent> Try(SittingCommand command) => SittingDecider.Decide(command, State);

    public IReadOnlyList<SittingEvent> Do(SittingCommand command)
    {
        var decision = Try(command);
        Assert.Null(decision.Error);
        foreach (var e in decision.Events)
        {
            State = SittingDecider.Evolve(State, e);
        }

        return decision.Events;
    }

    public void Advance(TimeSpan by) => Now += by;

    public Guid FileSlip(string deputy, Guid? clusterId, Respondent to)
    {
        var id = Guid.CreateVersion7();
        Do(new FileQuestion(id, clusterId, to, $"Câu hỏi của đại biểu {deputy}", Actors.Deputy(deputy), Now));
        return id;
    }

    /// <summary>Registers at the floor with a slip, or with a new question's text when no slip is given.</summary>
    public Guid Register(string deputy, Guid? slip = null, Guid? clusterId = null)
    {
        var id = Guid.CreateVersion7();
        var text = slip is null ? $"Câu hỏi tại hội trường của {deputy}" : null;
        Do(new RegisterToSpeak(id, clusterId ?? Budget, slip, text, Guid.CreateVersion7(), Actors.Deputy(deputy), Now));
        return id;
    }

    public IReadOnlyList<Guid> Call(int? count = null) =>
        Assert.IsType<SpeakersCalled>(Assert.Single(Do(new CallSpeakers(count, Chair, Now)))).RegistrationIds;

    public Guid Start(TurnKind kind, Guid? registrationId = null, string? speakerId = null)
    {
        var id = Guid.CreateVersion7();
        Do(new StartTurn(id, kind, registrationId, speakerId, Chair, Now));
        return id;
    }

    public TurnEnded End(Guid turnId, TimeSpan after)
    {
        Advance(after);
        return Assert.IsType<TurnEnded>(Assert.Single(Do(new EndTurn(turnId, Chair, Now))));
    }

    /// <summary>A whole turn of thirty seconds.</summary>
    public Guid Speak(TurnKind kind, Guid? registrationId = null, string? speakerId = null)
    {
        var id = Start(kind, registrationId, speakerId);
        End(id, TimeSpan.FromSeconds(30));
        return id;
    }

    /// <summary>The deputy registers in the open cluster, is called alone and asks; returns her registration.</summary>
    public Guid Ask(string deputy)
    {
        var registration = Register(deputy, clusterId: State.OpenClusterId);
        Call(1);
        Speak(TurnKind.Question, registration);
        return registration;
    }

    public QuestionState QuestionOf(Guid registrationId) => State.Question(State.Registration(registrationId)!.QuestionId)!;
}
