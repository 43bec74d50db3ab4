namespace QuestionSessions.Benchmarks.Viewers;

/// <summary>Receives each live event a viewer gets, on that viewer's receive loop: must be quick.</summary>
internal interface IViewerSink
{
    void OnEvent(long version, long receivedTimestamp);
}
