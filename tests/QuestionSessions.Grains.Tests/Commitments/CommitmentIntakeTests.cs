using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Sittings;
using CommitmentState = QuestionSessions.Domain.Commitments.CommitmentState;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Commitments;
using QuestionSessions.Grains.Tests.Infrastructure;
using QuestionSessions.Grains.Tests.Sittings;

namespace QuestionSessions.Grains.Tests.Commitments;

/// <summary>
/// The ledger's intake on a SQLite store shared by two silos: a sitting that closes with a question owed a
/// written answer opens a commitment grain for it, with its provenance, owner agency and deadline, without
/// anyone asking; running the intake again opens nothing twice; an official without a registered agency
/// opens nothing and does not stop the intake.
/// </summary>
public sealed class CommitmentIntakeTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("admin", "Quản trị", [new Grant(Role.Admin, "*")]);
    private static readonly Actor Deputy = new("na-d-001", "Nguyễn Thị Lan", [new Grant(Role.Deputy, "na", "na-d-001")]);

    private readonly string _folder = Directory.CreateTempSubdirectory("qs-intake-").FullName;
    private GrainCluster _cluster = null!;

    public async ValueTask InitializeAsync() =>
        _cluster = await GrainCluster.StartAsync("Sqlite", $"Data Source={Path.Combine(_folder, "qs.db")}", 2);

    [Fact]
    public async Task A_question_owed_a_written_answer_becomes_a_commitment_of_the_respondents_agency_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow;
        var body = _cluster.Through(0).GetGrain<IBodyGrain>("na");
        await Accept(body.ExecuteAsync(new EstablishBody("na", BodyKind.NationalAssembly, "Quốc hội", "National Assembly", null, "XVI", Admin, now), CommandOptions.None, ct));
        await Accept(body.ExecuteAsync(new SeatMember(new Member("na-d-001", "Nguyễn Thị Lan", "Đoàn Hà Nội"), Admin, now), CommandOptions.None, ct));
        await Accept(body.ExecuteAsync(new RegisterAgency(new Agency("na-a-health", "Bộ Y tế", "Ministry of Health"), Admin, now), CommandOptions.None, ct));
        await Accept(body.ExecuteAsync(new AppointOfficial(new Official("health", "Bộ trưởng Bộ Y tế", "Bộ trưởng", "Bộ Y tế", "na-a-health"), Admin, now), CommandOptions.None, ct));

        var sittingId = Guid.CreateVersion7();
        var questionId = Guid.CreateVersion7();
        var sitting = _cluster.Sitting(sittingId, through: 1);
        await Accept(sitting.ExecuteAsync(SittingScript.Schedule(sittingId, now), CommandOptions.None, ct));
        await Accept(sitting.ExecuteAsync(new FileQuestion(questionId, SittingScript.Cluster, new Respondent("health", "Bộ trưởng Bộ Y tế", "Bộ trưởng"),
            "Khi nào chấm dứt tình trạng thiếu thuốc ở bệnh viện tuyến tỉnh?", Deputy, now), CommandOptions.None, ct));
        await Accept(sitting.ExecuteAsync(new OpenSitting(SittingScript.Chair, now), CommandOptions.None, ct));
        await Accept(sitting.ExecuteAsync(new CloseSitting(SittingScript.Chair, now), CommandOptions.None, ct));
        var dueBy = (await sitting.Get(ct))!.State.Question(questionId)!.WrittenAnswerDueBy;

        // Nobody calls the intake: the sitting's nudge does.
        var commitmentId = CommitmentIntakeGrain.WrittenAnswerId(sittingId, questionId);
        var commitment = _cluster.Through(0).GetGrain<ICommitmentGrain>(commitmentId);
        var view = await Eventually(() => commitment.Get(ct), ct);

        Assert.Equal(1, view.Version);
        var state = view.State;
        Assert.Equal(CommitmentKind.WrittenAnswer, state.Kind);
        Assert.Equal(new Provenance(SourceKind.Answer, "na", sittingId, SittingScript.Cluster, questionId, "na-d-001", Term: "XVI"), state.Provenance);
        Assert.Equal(new CommitmentOwner("na-a-health", "Bộ Y tế", "health", "Bộ trưởng Bộ Y tế"), state.Owner);
        Assert.Equal(dueBy, state.Deadline!.Date);
        Assert.StartsWith("Khi nào chấm dứt", state.Text, StringComparison.Ordinal);

        // A second run, and a sweep from another silo, open nothing again.
        Assert.Equal(0, await _cluster.Through(1).GetGrain<ICommitmentIntakeGrain>(0).CatchUp(ct));
        Assert.Equal(1, (await commitment.Get(ct))!.Version);
    }

    [Fact]
    public async Task An_official_without_a_registered_agency_opens_nothing_and_the_intake_moves_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow;
        var body = _cluster.Through(0).GetGrain<IBodyGrain>("na");
        await Accept(body.ExecuteAsync(new EstablishBody("na", BodyKind.NationalAssembly, "Quốc hội", "National Assembly", null, "XVI", Admin, now), CommandOptions.None, ct));
        await Accept(body.ExecuteAsync(new AppointOfficial(new Official("health", "Bộ trưởng Bộ Y tế", "Bộ trưởng", "Bộ Y tế"), Admin, now), CommandOptions.None, ct));

        var sittingId = Guid.CreateVersion7();
        var questionId = Guid.CreateVersion7();
        var sitting = _cluster.Sitting(sittingId);
        await Accept(sitting.ExecuteAsync(SittingScript.Schedule(sittingId, now), CommandOptions.None, ct));
        await Accept(sitting.ExecuteAsync(new FileQuestion(questionId, SittingScript.Cluster, new Respondent("health", "Bộ trưởng Bộ Y tế", "Bộ trưởng"),
            "Câu hỏi", Deputy, now), CommandOptions.None, ct));
        await Accept(sitting.ExecuteAsync(new OpenSitting(SittingScript.Chair, now), CommandOptions.None, ct));
        await Accept(sitting.ExecuteAsync(new CloseSitting(SittingScript.Chair, now), CommandOptions.None, ct));

        var intake = _cluster.Through(0).GetGrain<ICommitmentIntakeGrain>(0);
        Assert.Equal(0, await intake.CatchUp(ct));
        Assert.Null(await _cluster.Through(0).GetGrain<ICommitmentGrain>(CommitmentIntakeGrain.WrittenAnswerId(sittingId, questionId)).Get(ct));

        // Later events are still taken in: the agency registered and a new sitting closed.
        await Accept(body.ExecuteAsync(new RegisterAgency(new Agency("na-a-health", "Bộ Y tế", "Ministry of Health"), Admin, now), CommandOptions.None, ct));
        await Accept(body.ExecuteAsync(new AppointOfficial(new Official("health", "Bộ trưởng Bộ Y tế", "Bộ trưởng", "Bộ Y tế", "na-a-health"), Admin, now), CommandOptions.None, ct));
        var later = Guid.CreateVersion7();
        var laterQuestion = Guid.CreateVersion7();
        var next = _cluster.Sitting(later);
        await Accept(next.ExecuteAsync(SittingScript.Schedule(later, now), CommandOptions.None, ct));
        await Accept(next.ExecuteAsync(new FileQuestion(laterQuestion, SittingScript.Cluster, new Respondent("health", "Bộ trưởng Bộ Y tế", "Bộ trưởng"),
            "Câu hỏi khác", Deputy, now), CommandOptions.None, ct));
        await Accept(next.ExecuteAsync(new OpenSitting(SittingScript.Chair, now), CommandOptions.None, ct));
        await Accept(next.ExecuteAsync(new CloseSitting(SittingScript.Chair, now), CommandOptions.None, ct));

        var opened = await Eventually(() => _cluster.Through(0).GetGrain<ICommitmentGrain>(CommitmentIntakeGrain.WrittenAnswerId(later, laterQuestion)).Get(ct), ct);
        Assert.Equal("na-a-health", opened.State.Owner!.AgencyId);
    }

    private static async Task Accept(Task<CommandReply> reply)
    {
        var result = await reply;
        Assert.True(result.Outcome == CommandOutcome.Accepted, $"{result.Outcome} {result.Error?.Code}");
    }

    private static async Task<AggregateView<CommitmentState>> Eventually(Func<Task<AggregateView<CommitmentState>?>> read, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await read() is { } view)
            {
                return view;
            }

            await Task.Delay(50, deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
