namespace QuestionSessions.Domain.Sittings;

public enum SittingStatus
{
    None,
    Scheduled,
    Open,
    Closed,
}

public enum ClusterStatus
{
    Pending,
    Open,
    Closed,
}

/// <summary>A slip sent before the sitting (phiếu chất vấn) or a question registered at the floor.</summary>
public enum QuestionChannel
{
    Slip,
    Floor,
}

public enum QuestionStatus
{
    Filed,
    Asked,
    Answered,
    /// <summary>Not answered in the sitting: the respondent owes a written answer by a legal deadline.</summary>
    WrittenAnswerDue,
}

public enum RegistrationStatus
{
    Waiting,
    Called,
    Spoke,
    NotReached,
}

public enum WrittenAnswerReason
{
    /// <summary>The cluster closed before the question was reached or answered.</summary>
    NotReached,
    /// <summary>The question was outside the sitting's issue clusters.</summary>
    OutsideClusters,
}
