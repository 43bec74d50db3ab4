namespace QuestionSessions.Runtime.Live;

public enum JoinOutcome
{
    /// <summary>Missed events were queued to the viewer and live events follow, with no gap and no duplicate.</summary>
    Joined,
    /// <summary>Too far behind to replay by events: load the current state, then join from its version.</summary>
    ReloadRequired,
    /// <summary>The viewer's buffer could not take the catch-up; it was not joined.</summary>
    Overflowed,
}
