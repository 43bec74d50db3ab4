using Microsoft.Extensions.Logging;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Telemetry;

namespace QuestionSessions.Grains.Aggregates;

/// <summary>
/// An aggregate whose deadlines act (a commitment, a petition, an explanation request, a supervision topic):
/// one Orleans reminder, kept registered for the next instant at which something may come due
/// (<see cref="NextMilestone"/>) and removed once nothing can. A tick sends <see cref="RunMilestones"/> through
/// the same decide-and-append path as any command: the decider records each reminder and each overdue once,
/// so a tick that fires twice, late, or on another silo after a failover appends nothing the second time, and
/// the expected-version check guards the rare moment two activations exist.
/// </summary>
public abstract class DeadlineGrain<TDecider, TState, TCommand, TEvent>(AggregateServices<TState> services, ILogger logger)
    : EventSourcedGrain<TDecider, TState, TCommand, TEvent>(services, logger), IRemindable
    where TDecider : IDecider<TState, TCommand, TEvent>
    where TState : class
    where TCommand : class, ICommand
    where TEvent : class
{
    public const string DeadlineReminder = "deadline";

    // The tick re-registers for the next milestone, so the period only matters when a tick is missed (no
    // silo held the reminder at its time: Orleans then skips to the next period), and bounds how late.
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private DateTimeOffset? _registeredFor;

    // Runs what is already due in a turn of its own, at once: the reminder service arms a reminder only when
    // it next loads its table (minutes away), and an overdue must not wait for that.
    private IGrainTimer? _dueNow;

    /// <summary>Whether something has come due by <paramref name="now"/> and not happened yet.</summary>
    protected abstract bool HasDue(TState state, DateTimeOffset now);

    /// <summary>The next instant after <paramref name="now"/> at which something may come due, or null when nothing can.</summary>
    protected abstract DateTimeOffset? NextMilestone(TState state, DateTimeOffset now);

    /// <summary>The command that records what has come due, sent by the system.</summary>
    protected abstract TCommand RunMilestones(DateTimeOffset now);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeadlineReminder)
        {
            return;
        }

        QsMetrics.RecordReminder(TDecider.Category);
        var reply = await Execute(new Immutable<TCommand>(RunMilestones(Time.GetUtcNow())), new CommandOptions(CorrelationId: "reminder"));
        if (reply.Outcome is not (CommandOutcome.Accepted or CommandOutcome.Repeated))
        {
            Logger.LogWarning("The deadline reminder of {Stream} was answered {Outcome} ({Error})", StreamIdOf(Key), reply.Outcome, reply.Error?.Code);
        }

        // An accepted tick that changed nothing did not pass through OnStateChangedAsync: move the reminder on here.
        await KeepReminderAsync(force: true);
    }

    private async Task RunDueAsync(CancellationToken cancellationToken)
    {
        _dueNow?.Dispose();
        _dueNow = null;
        await ReceiveReminder(DeadlineReminder, default);
    }

    /// <remarks>
    /// The events are committed by now: a failure to move the reminder (the reminder table briefly unreachable)
    /// must not turn an accepted command into an error or stop the activation. It is logged; the next command,
    /// tick or activation registers the reminder again.
    /// </remarks>
    protected override async Task OnStateChangedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await KeepReminderAsync(force: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The deadline reminder of {Stream} could not be moved; it is tried again on the next change or activation", StreamIdOf(Key));
            _registeredFor = null;
        }
    }

    private async Task KeepReminderAsync(bool force)
    {
        var now = Time.GetUtcNow();
        // Something already due (a deadline passed while no silo held the reminder) is run at once by a timer;
        // the reminder stays registered for now as well, should this activation not live to run it.
        var due = HasDue(State, now);
        if (due && _dueNow is null)
        {
            _dueNow = this.RegisterGrainTimer(RunDueAsync, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        var next = due ? now : NextMilestone(State, now);
        if (!force && next == _registeredFor)
        {
            return;
        }

        if (next is { } at)
        {
            var dueIn = at - now;
            await this.RegisterOrUpdateReminder(DeadlineReminder, dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Period);
        }
        else if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _registeredFor = next;
    }
}
