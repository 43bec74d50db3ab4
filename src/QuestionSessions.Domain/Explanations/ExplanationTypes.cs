namespace QuestionSessions.Domain.Explanations;

/// <summary>Who asks for an explanation: a person (or their legal representative), or an organisation through its lawful representative.</summary>
public enum RequesterKind
{
    Person,
    Organisation,
}

/// <summary>How the request came in: online through the portal, or in person, written down by the agency's officer and signed by the requester.</summary>
public enum FilingChannel
{
    Online,
    InPerson,
}

/// <summary>
/// Where a request stands. A wrongly addressed request is redirected to the competent agency and is
/// <see cref="Received"/> again there (same request, new agency, new acknowledgement date): the chain
/// of agencies is <see cref="ExplanationState.AgencyHistory"/>, not a status. Overdue is not a status
/// either: a received or accepted request can also be overdue.
/// </summary>
public enum ExplanationStatus
{
    None,
    /// <summary>Filed, waiting for the agency to accept, refuse or redirect it (5 working days).</summary>
    Received,
    /// <summary>Accepted (tiếp nhận): the agency owes the explanation by its explain-by date.</summary>
    Accepted,
    /// <summary>Refused with reasons (từ chối): closed.</summary>
    Refused,
    /// <summary>The written explanation was sent (đã giải trình); the requester may rate it.</summary>
    Explained,
}

/// <summary>Why an agency refuses to explain, after the grounds of Decree 59/2019; <see cref="Other"/> needs the reason to say which.</summary>
public enum RefusalGround
{
    /// <summary>The decision or act does not directly affect the requester's lawful rights or interests.</summary>
    NotDirectlyAffected,
    /// <summary>The requester lacks civil capacity, or the representative has no lawful authority.</summary>
    NoCapacity,
    /// <summary>The matter was already explained to the requester.</summary>
    AlreadyExplained,
    /// <summary>The matter is being dealt with as a complaint, a denunciation or in court.</summary>
    UnderOtherProcedure,
    /// <summary>State, business or private secrets, or internal direction and management.</summary>
    Confidential,
    Other,
}

/// <summary>What the requester thought of the explanation.</summary>
public enum SatisfactionRating
{
    Satisfied,
    PartlySatisfied,
    Unsatisfied,
}

/// <summary>The two clocks of a request: acknowledging it (accept, refuse or redirect) and explaining it.</summary>
public enum ExplanationDeadline
{
    Acknowledge,
    Explain,
}
