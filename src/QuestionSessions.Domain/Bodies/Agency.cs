namespace QuestionSessions.Domain.Bodies;

/// <summary>
/// An agency that answers to the body and owns what its officials promise: a ministry before the National
/// Assembly, a department or a commune People's Committee before a People's Council. Ids are unique across
/// bodies by convention ("na-a-health", "hn-a-health"), since the ledger and scorecards count by them.
/// </summary>
public sealed record Agency(string AgencyId, string Name, string NameEn);
