using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Serves the web app (web/, built by the csproj into <c>webapp/</c> beside the server's binaries) at
/// <c>/</c>, with every client route (<c>/sittings/{id}/watch</c>) answered by index.html. Hashed
/// assets are cached for a year; index.html is revalidated so a new build is seen at once. Paths of the
/// API, the hub, the document and the health checks never fall back to the app: an unknown one is a 404.
/// </summary>
internal static class WebApp
{
    private static readonly string[] ServerPaths = ["/api", "/hubs", "/openapi", "/health"];
    private static readonly string[] Reads = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] Writes = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static void AddWebApp(this IServiceCollection services)
    {
        // Scripts and styles of the app only (see UseWebApp): API responses are not compressed.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });

        // Routing answers some statuses with no handler of ours (404, 405, 415): their problems get a code too.
        services.Configure<ProblemDetailsOptions>(o =>
        {
            var previous = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                StatusProblems.AddCode(context.ProblemDetails);
            };
        });
    }

    /// <summary>The built app's folder: <c>Web:Root</c>, or <c>webapp/</c> beside the server's binaries.</summary>
    public static string Root(IConfiguration configuration) =>
        configuration["Web:Root"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(AppContext.BaseDirectory, "webapp");

    public static void UseWebApp(this WebApplication app)
    {
        if (Files(app) is not { } files)
        {
            return;
        }

        app.UseWhen(c => !IsServerPath(c.Request.Path), branch => branch.UseResponseCompression());
        app.UseStaticFiles(Options(files));
    }

    /// <summary>
    /// An unknown server path is a 404, and the app's pages answer reads only. The 404 for writes stays out of
    /// routing's choice by content type: a fallback that took any body would also be the only match for a body the
    /// real endpoint refuses (a form posted to a JSON endpoint) and for a command sent with no body at all, and would
    /// answer 404 to both. Said to take JSON only, it leaves the first to routing's 415 and the second to the
    /// endpoint, where an optional body is simply absent.
    /// </summary>
    public static void MapWebApp(this WebApplication app)
    {
        foreach (var path in ServerPaths)
        {
            // Said by method, the fallbacks would otherwise enter the OpenAPI document as operations.
            app.MapFallback($"{path}/{{**rest}}", NotFound).WithMetadata(new HttpMethodMetadata(Reads)).ExcludeFromDescription();
            app.MapFallback($"{path}/{{**rest}}", NotFound).WithMetadata(new HttpMethodMetadata(Writes), new AcceptsMetadata(["application/json"]))
                .ExcludeFromDescription();
        }

        if (Files(app) is { } files)
        {
            app.MapFallbackToFile("index.html", Options(files)).WithMetadata(new HttpMethodMetadata(Reads)).ExcludeFromDescription();
        }
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static bool IsServerPath(PathString path) => ServerPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static PhysicalFileProvider? Files(WebApplication app)
    {
        var root = Root(app.Configuration);
        if (File.Exists(Path.Combine(root, "index.html")))
        {
            return new PhysicalFileProvider(root);
        }

        app.Logger.LogWarning("No web app at {Root}: / serves nothing. Build with Node.js installed (see README).", root);
        return null;
    }

    private static StaticFileOptions Options(IFileProvider files) => new()
    {
        FileProvider = files,
        ContentTypeProvider = new FileExtensionContentTypeProvider(),
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
                ? "public, max-age=31536000, immutable"
                : "no-cache";
        },
    };
}
