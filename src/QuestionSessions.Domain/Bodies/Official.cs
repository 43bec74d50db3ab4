namespace QuestionSessions.Domain.Bodies;

/// <summary>
/// Someone the body may question: a minister, a People's Committee chair, a department head. <see cref="Agency"/>
/// is the agency's name as spoken; <see cref="AgencyId"/> names the body's registered agency that owns the
/// official's commitments (null for officials appointed before agencies were registered).
/// </summary>
public sealed record Official(string OfficialId, string Name, string Office, string Agency, string? AgencyId = null);
