namespace QuestionSessions.Domain.Tests;

internal static class DecisionAssert
{
    /// <summary>A refusal carries its kind and code, and nothing is written.</summary>
    public static void Refused<TEvent>(Decision<TEvent> decision, ErrorKind kind, string code)
    {
        Assert.NotNull(decision.Error);
        Assert.Equal(kind, decision.Error.Kind);
        Assert.Equal(code, decision.Error.Code);
        Assert.Empty(decision.Events);
    }

    /// <summary>An idempotent repeat: accepted, and nothing new is written.</summary>
    public static void NoOp<TEvent>(Decision<TEvent> decision)
    {
        Assert.Null(decision.Error);
        Assert.Empty(decision.Events);
    }
}
