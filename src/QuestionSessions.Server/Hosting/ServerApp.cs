namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Builds the whole server. Program.cs runs it; tests and benchmarks build it too, with their own
/// arguments (port 0, a throwaway database), so several real nodes can run in one process.
/// </summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddApplicationServices();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseApplicationPipeline();
        app.MapApplicationEndpoints();
        return app;
    }
}
