using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Sittings;

public static class SittingGrainExtensions
{
    /// <summary>Runs a command on the sitting; the command is passed as immutable (never copied inside a silo).</summary>
    public static Task<CommandReply> ExecuteAsync(this ISittingGrain sitting, SittingCommand command, CommandOptions options, CancellationToken cancellationToken = default) =>
        sitting.Execute(new Immutable<SittingCommand>(command), options, cancellationToken);
}
