namespace QuestionSessions.Domain.Sittings;

/// <summary>An issue cluster (nhóm vấn đề) as scheduled: its main respondent and the related ones who may be invited.</summary>
public sealed record ClusterPlan(Guid ClusterId, string Title, Respondent Main, IReadOnlyList<Respondent> Related);
