namespace QuestionSessions.Server.Hosting;

internal sealed class DemoOptions
{
    /// <summary>Seed the demo bodies, accounts and sitting into an empty store at start-up.</summary>
    public bool Seed { get; set; }

    /// <summary>The password every demo account gets. Demo data only: a real deployment seeds nothing.</summary>
    public string Password { get; set; } = "demo";
}
