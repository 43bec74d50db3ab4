using System.Collections.Concurrent;

namespace QuestionSessions.Server.Live;

/// <summary>This node's live connections by id.</summary>
internal sealed class ViewerRegistry
{
    private readonly ConcurrentDictionary<string, SignalRViewer> _viewers = new(StringComparer.Ordinal);

    public int Count => _viewers.Count;

    public void Add(SignalRViewer viewer) => _viewers[viewer.Id] = viewer;

    public SignalRViewer? Find(string connectionId) => _viewers.GetValueOrDefault(connectionId);

    public SignalRViewer? Remove(string connectionId) => _viewers.TryRemove(connectionId, out var viewer) ? viewer : null;
}
