namespace QuestionSessions.Domain;

public enum ErrorKind
{
    /// <summary>The command's content is wrong whatever the state (empty text, deadline in the past).</summary>
    Invalid,
    /// <summary>The step is not legal in the current state (answer with no question called).</summary>
    Conflict,
    /// <summary>The actor may not take this step (a deputy of another body, a deputy calling speakers).</summary>
    Forbidden,
    /// <summary>The command names something that does not exist (an unknown cluster or registration).</summary>
    NotFound,
}
