using System.Globalization;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Sittings;

namespace QuestionSessions.Server.Demo;

/// <summary>
/// Plays a demo sitting's script through the ordinary command path at the times it names, so the
/// demo has a past sitting with answers, overruns, commitments and written-answer deadlines, and a
/// live one, with histories as real as any other. Every step carries an idempotency key derived
/// from its place in the script, so a seed cut short and run again repeats nothing.
/// </summary>
internal sealed class DemoRun(
    IGrainFactory grains, DemoData data, DemoBody body, DemoSitting sitting, ILogger logger)
{
    private readonly List<Guid> _registrations = [];
    private readonly List<Guid> _questions = [];
    private Guid? _turn;
    private int _turns;

    /// <summary>
    /// When the sitting starts: its day and time, moved earlier for a sitting still running today so its
    /// script has already happened when the seed runs.
    /// </summary>
    public static DateTimeOffset StartsAt(DemoSitting sitting, DateTimeOffset now)
    {
        var day = Domain.Calendar.VietnamTime.Today(now).AddDays(sitting.StartsInDays);
        var startsAt = new DateTimeOffset(day.ToDateTime(sitting.LocalStartTime), Domain.Calendar.VietnamTime.Offset);
        if (sitting.Script is not { Count: > 0 } script || startsAt + script[^1].At < now)
        {
            return startsAt;
        }

        var latest = now - script[^1].At - TimeSpan.FromMinutes(1);
        return new DateTimeOffset(latest.Ticks - (latest.Ticks % TimeSpan.TicksPerMinute), latest.Offset);
    }

    public async Task PlayAsync(DateTimeOffset startsAt, CancellationToken cancellationToken)
    {
        var chair = Staff(Role.Chair);
        var secretariat = Staff(Role.Secretariat);
        foreach (var (step, index) in sitting.Script!.Select((s, i) => (s, i)))
        {
            var now = startsAt + step.At;
            var command = Command(step, index, now, chair, secretariat);
            var key = $"demo|{sitting.SittingId:N}|{index.ToString(CultureInfo.InvariantCulture)}";
            var result = await grains.GetGrain<ISittingGrain>(sitting.SittingId).ExecuteAsync(command, new CommandOptions(key, null, "demo-seed"), cancellationToken);
            if (result.Error is { } error)
            {
                logger.LogWarning("Demo step {Index} ({Step}) of sitting {Sitting} refused: {Code}", index, step.Step, sitting.SittingId, error.Code);
            }
        }
    }

    private SittingCommand Command(DemoStep step, int index, DateTimeOffset now, Actor chair, Actor secretariat)
    {
        switch (step.Step)
        {
            case "open":
                return new OpenSitting(chair, now);
            case "openCluster":
                return new OpenCluster(sitting.Clusters[step.Cluster!.Value].ClusterId, chair, now);
            case "closeCluster":
                return new CloseCluster(sitting.Clusters[step.Cluster!.Value].ClusterId, chair, now);
            case "close":
                return new CloseSitting(chair, now);
            case "register":
                var registrationId = Stable($"registration|{_registrations.Count}");
                var floorQuestionId = Stable($"floor|{_registrations.Count}");
                Guid? slipId = step.Slip is { } slip ? DemoSeeder.SlipId(sitting.SittingId, slip) : null;
                _registrations.Add(registrationId);
                _questions.Add(slipId ?? floorQuestionId);
                return new RegisterToSpeak(registrationId, OpenClusterId(step), slipId, step.Text, floorQuestionId, Deputy(step.Deputy!), now);
            case "call":
                return new CallSpeakers(step.Count, secretariat, now);
            case "invite":
                return new InviteRelatedRespondent(step.Speaker!, chair, now);
            case "turn":
                _turn = Stable($"turn|{_turns++}");
                Guid? registration = step.Registration is { } r ? _registrations[r] : null;
                return new StartTurn(_turn.Value, step.Kind!.Value, registration, step.Speaker, secretariat, now);
            case "end":
                return new EndTurn(_turn!.Value, secretariat, now);
            case "transcript":
                return new PublishTranscriptSegment(Stable($"segment|{index}"), _turn, step.Speaker!, step.Markdown!, secretariat, now);
            case "commitment":
                var deadline = Domain.Calendar.VietnamTime.AddCalendarDays(now, step.DeadlineDays!.Value);
                var owner = body.Agencies.Single(a => a.AgencyId == step.Owner);
                return new RecordCommitment(
                    Stable($"commitment|{index}"), _questions[step.Registration!.Value], step.Speaker, owner.Name, step.Text!, deadline, secretariat, now,
                    owner.AgencyId);
            default:
                throw new InvalidOperationException($"demo-data.json: unknown step '{step.Step}'.");
        }
    }

    // A registration goes to the cluster the script names, or else to the one the script last opened.
    private Guid OpenClusterId(DemoStep step)
    {
        if (step.Cluster is { } named)
        {
            return sitting.Clusters[named].ClusterId;
        }

        var opened = sitting.Script!.TakeWhile(s => s != step).LastOrDefault(s => s.Step == "openCluster")
            ?? throw new InvalidOperationException("demo-data.json: a registration before any cluster is opened.");
        return sitting.Clusters[opened.Cluster!.Value].ClusterId;
    }

    private Actor Staff(Role role)
    {
        var account = data.Accounts.First(a => a.Grants.Any(g => g.Role == role && g.BodyId == body.BodyId));
        return new Actor(account.Username, account.DisplayName, account.Grants);
    }

    private Actor Deputy(string memberId)
    {
        var member = body.Members.Single(m => m.MemberId == memberId);
        return new Actor(member.MemberId, member.Name, [new Grant(Role.Deputy, body.BodyId, member.MemberId)]);
    }

    private Guid Stable(string purpose) =>
        DerivedId.Of($"{sitting.SittingId:N}|demo|{purpose}");
}
