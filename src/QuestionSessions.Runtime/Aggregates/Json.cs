using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuestionSessions.Runtime.Aggregates;

/// <summary>
/// One set of JSON options for events, metadata and snapshots: camelCase, enums by name, and text as
/// it is (no \uXXXX for Vietnamese letters, which would make each one 6 bytes instead of 2 or 3).
/// The relaxed encoder is safe here because this JSON is storage, never put into HTML or a script;
/// the hash covers the stored text, so rows written with the old escaping still verify.
/// </summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
