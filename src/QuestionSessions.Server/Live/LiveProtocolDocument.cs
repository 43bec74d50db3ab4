using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Server.Live;

/// <summary>
/// Describes the live protocol in the OpenAPI document, so clients generate its types instead of
/// writing them by hand: every sitting event's <c>data</c> shape as a schema, <c>SittingEventData</c>
/// mapping each stable alias (<c>turn_started</c>) to its schema, <see cref="JoinReply"/>, and the
/// hub's path and method names (<see cref="HubMethods"/>) under <c>x-signalr-hubs</c>.
/// </summary>
internal sealed class LiveProtocolDocument : IOpenApiDocumentTransformer
{
    public const string EventDataSchema = "SittingEventData";

    public const string HubsExtension = "x-signalr-hubs";

    public static readonly string TranscriptAlias = AliasOf(typeof(TranscriptSegmentPublished));

    /// <summary>Every sitting event type with its alias, in alias order so the document is stable.</summary>
    public static readonly IReadOnlyList<(string Alias, Type Type)> Events =
    [
        .. typeof(SittingEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(SittingEvent)))
            .Select(t => (AliasOf(t), t))
            .OrderBy(e => e.Item1, StringComparer.Ordinal),
    ];

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var map = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "The data of each live sitting event, by the event's type (its stable alias).",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
        };
        foreach (var (alias, type) in Events)
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            map.Properties[alias] = new OpenApiSchemaReference(type.Name, document);
            map.Required.Add(alias);
        }

        document.AddComponent(EventDataSchema, map);
        document.AddComponent(nameof(JoinReply), await context.GetOrCreateSchemaAsync(typeof(JoinReply), null, cancellationToken));

        document.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        document.Extensions[HubsExtension] = new JsonNodeExtension(new JsonObject
        {
            ["sittings"] = new JsonObject
            {
                ["path"] = SittingsHub.Path,
                ["methods"] = new JsonObject
                {
                    ["join"] = HubMethods.Join,
                    ["leave"] = HubMethods.Leave,
                    ["watchCommitment"] = HubMethods.WatchCommitment,
                    ["unwatchCommitment"] = HubMethods.UnwatchCommitment,
                    ["event"] = HubMethods.Event,
                },
            },
        });
    }

    private static string AliasOf(Type type) =>
        type.GetCustomAttribute<EventAliasAttribute>()?.Alias ?? throw new InvalidOperationException($"{type.Name} has no event alias.");
}
