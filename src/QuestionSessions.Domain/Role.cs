namespace QuestionSessions.Domain;

/// <summary>
/// What a grant lets its holder do in one body. <see cref="AgencyOfficer"/>'s grant names the agency in
/// <see cref="Grant.PersonId"/>: the officer reports for that agency's commitments to that body.
/// <see cref="Supervisor"/> is the body's supervising committee (or standing board): it verifies or
/// disputes commitments, amends deadlines and withdraws.
/// </summary>
public enum Role
{
    Chair,
    Secretariat,
    Deputy,
    Respondent,
    Admin,
    AgencyOfficer,
    Supervisor,
}
