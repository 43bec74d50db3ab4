using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Live;

/// <summary>
/// Wraps an event once for every viewer: <see cref="SerializedHubMessage"/> serializes on first write per
/// protocol and reuses the bytes for every other connection.
/// </summary>
internal static class LiveEventEncoder
{
    public static SerializedHubMessage Encode(StoredEvent stored) =>
        new(new InvocationMessage(HubMethods.Event, [LiveEvent.From(stored)]));
}
