using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Live;

/// <summary>
/// Wraps an event once for every viewer: the transcript's HTML is rendered here, once per event, and
/// <see cref="SerializedHubMessage"/> serializes on first write per protocol and reuses the bytes for
/// every other connection.
/// </summary>
internal sealed class LiveEventEncoder(TranscriptRenderer renderer)
{
    public SerializedHubMessage Encode(StoredEvent stored) =>
        new(new InvocationMessage(HubMethods.Event, [LiveEvent.From(stored, renderer)]));
}
