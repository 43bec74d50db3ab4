using System.Text.Json;
using QuestionSessions.Domain.Places;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Search;

/// <summary>
/// Keeps a sitting's questions (the slips as filed, with who asks whom) and its answers (the published
/// transcript of the respondents' turns, under the question they answer) in the search.
/// </summary>
internal sealed class SittingSearch : IProjection<SittingState>
{
    private static readonly string SegmentAlias = typeof(TranscriptSegmentPublished).GetCustomAttributes(typeof(Domain.EventAliasAttribute), false)
        .Cast<Domain.EventAliasAttribute>().Single().Alias;

    public IEnumerable<ProjectionWrite> Project(string streamId, SittingState before, SittingState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        // Most appends (turns, calls, registrations) touch neither: leave before any work is done.
        if (after.Questions.Count == before.Questions.Count && !events.Any(e => e.Type == SegmentAlias))
        {
            yield break;
        }

        var province = Provinces.OfBody(after.BodyId)?.ProvinceId;
        // Most appends (turns, transcript, calls) file no question: the set of known ones is built only when one was.
        var known = after.Questions.Count == before.Questions.Count ? null : before.Questions.Select(q => q.QuestionId).ToHashSet();
        foreach (var question in known is null ? [] : after.Questions.Where(q => !known.Contains(q.QuestionId)))
        {
            yield return SearchIndex.Upsert(new SearchDocument(
                SearchKind.Question, question.QuestionId.ToString(), after.BodyId, question.Text,
                $"{question.DeputyName} → {question.Respondent.Name} · {after.Title}", question.FiledAt, ProvinceId: province,
                ParentId: after.SittingId.ToString()));
        }

        foreach (var @event in events.Where(e => e.Type == SegmentAlias))
        {
            // A segment outside a respondent's turn (the chair's remarks, a secretariat note) is no answer: found
            // from the turn id alone, without reading the whole segment.
            if (TurnIdOf(@event.Data) is (true, null))
            {
                continue;
            }

            var segment = JsonSerializer.Deserialize<TranscriptSegmentPublished>(@event.Data, Runtime.Aggregates.Json.Options)!;
            if (segment.TurnId is not { } turnId || before.PublishedSegments.Contains(segment.SegmentId)
                || (after.Turns.Find(t => t.TurnId == turnId) ?? (after.CurrentTurn?.TurnId == turnId ? after.CurrentTurn : null)) is not { } turn
                || turn.Kind is not (TurnKind.Opening or TurnKind.Answer or TurnKind.Clarification))
            {
                continue;
            }

            var asked = turn.QuestionIds.Select(id => after.Questions.Find(q => q.QuestionId == id)?.Text).OfType<string>().ToList();
            var title = asked.Count > 0 ? string.Join(" · ", asked) : after.Title;
            yield return SearchIndex.Upsert(new SearchDocument(
                SearchKind.Answer, segment.SegmentId.ToString(), after.BodyId, title, $"{segment.SpeakerName}: {Markdig.Markdown.ToPlainText(segment.Markdown).Trim()}", segment.At,
                ProvinceId: province, ParentId: after.SittingId.ToString()));
        }
    }

    /// <summary>
    /// The segment's turn id read from the first properties of its JSON (the serializer writes them first), or
    /// not found when the opening does not hold it; the caller then reads the whole segment.
    /// </summary>
    internal static (bool Found, Guid? TurnId) TurnIdOf(string data)
    {
        const int Prefix = 160;
        var head = data.AsSpan(0, Math.Min(data.Length, Prefix));
        Span<byte> bytes = stackalloc byte[Prefix * 3];
        var length = System.Text.Encoding.UTF8.GetBytes(head, bytes);
        var reader = new Utf8JsonReader(bytes[..length], isFinalBlock: data.Length <= Prefix, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (false, null);
            }

            while (reader.Read() && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTurnId = reader.ValueTextEquals("turnId"u8);
                if (!reader.Read())
                {
                    return (false, null);
                }

                if (isTurnId)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.Null => (true, null),
                        JsonTokenType.String when reader.TryGetGuid(out var id) => (true, id),
                        _ => (false, null),
                    };
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    return (false, null);
                }
            }
        }
        catch (JsonException)
        {
            // Cut in the middle of a token by the prefix's end: read in full.
        }

        return (false, null);
    }
}
