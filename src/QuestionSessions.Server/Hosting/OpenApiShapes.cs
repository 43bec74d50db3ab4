using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Makes the OpenAPI document say what the server writes, so the web client's generated types are exact.
/// </summary>
internal static class OpenApiShapes
{
    /// <summary>
    /// The web JSON options also read numbers from strings, so the generator types every integer as
    /// "integer or string". The server always writes numbers; describe that.
    /// </summary>
    public static Task NumbersAsWritten(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The generator names the address the document was fetched from; the app is served from the same
    /// origin as the API, so the document names none and is the same whatever the host and port.
    /// </summary>
    public static Task NoServers(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = null;
        return Task.CompletedTask;
    }
}
