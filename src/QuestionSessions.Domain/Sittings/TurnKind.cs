namespace QuestionSessions.Domain.Sittings;

/// <summary>The kinds of speaking turn in a questioning sitting, each with its own time limit.</summary>
public enum TurnKind
{
    /// <summary>The main respondent's opening of a cluster (no report read out).</summary>
    Opening,
    Question,
    Answer,
    /// <summary>Tranh luận: a deputy who asked in the cluster comes back on the answer.</summary>
    Debate,
    /// <summary>A related respondent, invited by the chair, adds to the answer.</summary>
    Clarification,
    /// <summary>The chair's closing remarks on the cluster.</summary>
    Closing,
}
