using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Live;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Cluster;
using QuestionSessions.Server.Demo;
using QuestionSessions.Server.Live;
using QuestionSessions.Server.Petitions;
using QuestionSessions.Server.Places;
using QuestionSessions.Server.Resolutions;
using QuestionSessions.Server.Search;
using QuestionSessions.Server.Sittings;
using QuestionSessions.Server.Supervision;

namespace QuestionSessions.Server.Hosting;

internal static class Extensions
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>Public filing (petitions, explanation requests, ratings, erasure by secret): per client address.</summary>
    public const string PublicFilingRateLimit = "public-filing";

    /// <summary>Self-registration of voter accounts: per client address, per hour.</summary>
    public const string RegistrationRateLimit = "registration";

    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        builder.AddTelemetry();
        services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
        services.Configure<DemoOptions>(builder.Configuration.GetSection("Demo"));
        // PBKDF2 work factor: the framework default unless configured (tests lower it to seed quickly).
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(builder.Configuration.GetSection("PasswordHasher"));
        services.Configure<RelayOptions>(builder.Configuration.GetSection("Live"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RelayOptions>>().Value);

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return EventStoreFactory.Create(options.Provider, options.ConnectionString, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>());
        });

        services.AddSingleton<IProjection<SittingState>, SittingDirectory>();
        services.AddSingleton<IProjection<BodyState>, BodyDirectory>();
        services.AddSingleton<IProjection<BodyState>, Administration.RoleGrantLedger>();
        services.AddSingleton<Administration.GrantMigration>();
        services.AddSingleton<IProjection<Domain.Commitments.CommitmentState>, CommitmentLedger>();
        services.AddSingleton<IProjection<Domain.Resolutions.ResolutionState>, Resolutions.ResolutionDirectory>();
        services.AddSingleton<IProjection<SittingState>, Search.SittingSearch>();
        services.AddSingleton<PersonalData.PersonalDataStore>();
        services.AddSingleton<IProjection<Domain.Petitions.PetitionState>, Petitions.PetitionDirectory>();
        services.AddSingleton<IProjection<Domain.Petitions.PetitionState>, Search.PetitionSearch>();
        services.AddSingleton<IProjection<Domain.Explanations.ExplanationState>, Explanations.ExplanationDirectory>();
        services.AddSingleton<IProjection<Domain.Explanations.ExplanationState>, Search.ExplanationSearch>();
        services.AddSingleton<IProjection<Domain.Supervision.SupervisionState>, Supervision.SupervisionDirectory>();
        services.AddSingleton<IProjection<Domain.Supervision.SupervisionState>, Search.SupervisionSearch>();
        services.AddSingleton<LegalCalendar>();
        services.AddSingleton<IProjection<Domain.Commitments.CommitmentState>, Search.CommitmentSearch>();
        services.AddSingleton<AccountStore>();
        services.Configure<AccountSessionOptions>(builder.Configuration.GetSection("Accounts:Sessions"));
        services.Configure<LockoutOptions>(builder.Configuration.GetSection("Accounts:Lockout"));
        services.AddSingleton<SessionStore>();
        services.AddSingleton<LockoutStore>();
        services.AddSingleton<ExternalLogins>();
        services.AddSingleton<OidcReplayGuard>();
        services.AddSingleton<TranscriptRenderer>();
        services.AddSingleton(VideoHosts.From(builder.Configuration));
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<DemoSeeder>();

        services.AddSingleton<LiveEventEncoder>();
        services.AddSingleton(sp => new StreamRelay<Microsoft.AspNetCore.SignalR.SerializedHubMessage>(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<LiveEventEncoder>().Encode, sp.GetRequiredService<RelayOptions>(),
            sp.GetRequiredService<ILogger<StreamRelay<Microsoft.AspNetCore.SignalR.SerializedHubMessage>>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ViewerRegistry>();
        services.AddSingleton<HubLifetimeManager<SittingsHub>, SittingsHubLifetimeManager>();
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
            .AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));

        // In this order: the schema (the event store's, the read models', Orleans' tables), then the silo,
        // then what needs grains (the demo seed) and the live relay. Kestrel listens after all three.
        services.AddHostedService<SchemaService>();
        builder.AddSilo();
        services.AddHostedService<StartupService>();

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<GrainUnavailableHandler>();
        // Throw binding failures in every environment so BadRequestHandler explains them, not just in Development.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<LiveProtocolDocument>();
            o.AddSchemaTransformer(OpenApiShapes.NumbersAsWritten);
            o.AddDocumentTransformer(OpenApiShapes.NoServers);
        });
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        services.AddWebApp();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "qs.auth";
            o.Cookie.HttpOnly = true;
            // Strict same-site cookies are the CSRF defence for the JSON API: another site cannot send them.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.Events.OnRedirectToLogin = c => Problem(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Problem(c.Response, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionCookie.ValidateAsync;
        }).AddOidc(builder.Configuration);
        services.AddAuthorization();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                Runtime.Telemetry.QsMetrics.RecordBusyRefusal("rate_limited");
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return new ValueTask(Sittings.Problems.Problem(StatusCodes.Status429TooManyRequests, "Too many requests",
                    "Too many requests from this address; wait a while and try again.", "rate_limited").ExecuteAsync(context.HttpContext));
            };
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(PublicFilingRateLimit, http => PerAddress(http, "RateLimits:PublicFilingPerMinute", 10, TimeSpan.FromMinutes(1)));
            o.AddPolicy(RegistrationRateLimit, http => PerAddress(http, "RateLimits:RegistrationsPerHour", 5, TimeSpan.FromHours(1)));
        });
    }

    public static void UseApplicationPipeline(this WebApplication app)
    {
        app.UseTelemetry();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebApp();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // The rate limiting middleware never disposes the limiter it makes for endpoint policies (dotnet/aspnetcore#69259):
        // that limiter's timer keeps the middleware, and through its next delegate the whole pipeline and service provider,
        // alive after the app is disposed (about 55 MB for every node a test process starts). The rest of the pipeline is
        // reached through a link cut when the app stops, so only the middleware itself stays behind.
        app.Use(next =>
        {
            var link = new PipelineLink(next);
            app.Lifetime.ApplicationStopped.Register(link.Cut);
            return link.InvokeAsync;
        });
    }

    private sealed class PipelineLink(RequestDelegate next)
    {
        private RequestDelegate? _next = next;

        public void Cut() => _next = null;

        public Task InvokeAsync(HttpContext context)
        {
            if (_next is { } rest)
            {
                return rest(context);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }
    }

    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapAccounts();
        app.MapOidc();
        app.MapExternalLogins();
        app.MapBodies();
        Administration.AdminEndpoints.MapAdministration(app);
        app.MapSittings();
        app.MapCommitments();
        app.MapSearch();
        app.MapPetitions();
        Explanations.ExplanationEndpoints.MapExplanations(app);
        PersonalData.PersonalDataEndpoints.MapPersonalData(app);
        app.MapSupervision();
        app.MapPlaces();
        app.MapScorecards();
        app.MapResolutions();
        app.MapFollows();
        app.MapFollowUp();
        app.MapHub<SittingsHub>(SittingsHub.Path);
        app.MapMetrics();
        app.MapWebApp();
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>A fixed window per client address, its permit count read from configuration.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext http, string permitKey, int defaultPermits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IConfiguration>().GetValue(permitKey, defaultPermits),
                Window = window,
                QueueLimit = 0,
            });

    private static Task Problem(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return response.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new() { HttpContext = response.HttpContext, ProblemDetails = { Status = status } }).AsTask();
    }
}
