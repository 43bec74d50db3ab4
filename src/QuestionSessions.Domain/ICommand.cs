namespace QuestionSessions.Domain;

/// <summary>Every command says who sends it and when; the decider reads the time from here, never a clock.</summary>
public interface ICommand
{
    Actor Actor { get; }

    DateTimeOffset Now { get; }
}
