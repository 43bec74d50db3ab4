using QuestionSessions.Cli;

namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>Runs <c>qs</c> in this process, as an operator would from a shell, and returns what it said.</summary>
internal static class Qs
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
