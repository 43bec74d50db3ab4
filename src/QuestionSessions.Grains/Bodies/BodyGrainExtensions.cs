using QuestionSessions.Domain.Bodies;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Bodies;

public static class BodyGrainExtensions
{
    /// <summary>Runs a command on the body; the command is passed as immutable (never copied inside a silo).</summary>
    public static Task<CommandReply> ExecuteAsync(this IBodyGrain body, BodyCommand command, CommandOptions options, CancellationToken cancellationToken = default) =>
        body.Execute(new Immutable<BodyCommand>(command), options, cancellationToken);
}
