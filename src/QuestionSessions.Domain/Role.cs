namespace QuestionSessions.Domain;

public enum Role
{
    Chair,
    Secretariat,
    Deputy,
    Respondent,
    Admin,
}
