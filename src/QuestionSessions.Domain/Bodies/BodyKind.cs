namespace QuestionSessions.Domain.Bodies;

public enum BodyKind
{
    NationalAssembly,
    ProvincialCouncil,
    CommuneCouncil,
}
