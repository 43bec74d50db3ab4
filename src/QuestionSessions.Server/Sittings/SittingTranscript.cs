using System.Text.Json;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Server.Sittings;

/// <summary>
/// A sitting's published transcript, read from its own stream: each segment is the event that published
/// it, at its version. The sitting's state keeps only the segments' ids (the text grows with every segment
/// and no rule reads it), so activation, snapshots and the sitting's public view stay small; and the text
/// is written once, as the event, not again into a table of its own.
/// </summary>
internal static class SittingTranscript
{
    /// <summary>The most segments one page of the transcript holds.</summary>
    public const int MaxPage = 500;

    /// <summary>Segments published after <paramref name="after"/> up to <paramref name="upTo"/> (inclusive), in order, at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<TranscriptView>> ListAsync(
        IEventStore store, TranscriptRenderer renderer, Guid sittingId, long after, long upTo, int limit, CancellationToken cancellationToken,
        int readChunk = 1_000)
    {
        var stream = SittingGrain.StreamId(sittingId);
        var page = new List<TranscriptView>();
        var from = after + 1;
        while (page.Count < limit && from <= upTo)
        {
            var events = await store.ReadStreamAsync(stream, from, readChunk, cancellationToken);
            foreach (var stored in events)
            {
                if (stored.Version > upTo || page.Count == limit)
                {
                    return page;
                }

                if (stored.Type == LiveProtocolDocument.TranscriptAlias)
                {
                    var e = JsonSerializer.Deserialize<TranscriptSegmentPublished>(stored.Data, Json.Options)!;
                    page.Add(new TranscriptView(e.SegmentId, e.TurnId, e.SpeakerName, e.Markdown, renderer.ToHtml(e.Markdown), e.At, stored.Version));
                }
            }

            if (events.Count < readChunk)
            {
                break;
            }

            from = events[^1].Version + 1;
        }

        return page;
    }
}
