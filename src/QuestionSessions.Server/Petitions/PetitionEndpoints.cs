using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Petitions;
using QuestionSessions.Domain.Places;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Petitions;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.PersonalData;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Petitions;

/// <summary>
/// Voters' petitions (kiến nghị cử tri): filed on the portal by anyone, or raised at a contact meeting and
/// recorded by the body; merged, routed to one agency with its legal deadline, answered, reported back, rated
/// and escalated. Who may take each step is the decider's rule; this translates, counts the deadline with the
/// body's rules, and keeps the filer's identity in the personal-data table.
/// </summary>
internal static class PetitionEndpoints
{
    /// <summary>The header a filer without an account sends the secret in.</summary>
    public const string SecretHeader = "X-Filer-Secret";

    public static RouteGroupBuilder MapPetitions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/petitions").WithTags("Petitions");
        group.MapGet("/", List);
        group.MapGet("/by-code/{code}", ByCode).Produces<PetitionDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{petitionId:guid}", Get).Produces<PetitionDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{petitionId:guid}/submitters", Submitters).Produces<IReadOnlyList<PersonalDetails>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        var bodies = routes.MapGroup("/api/bodies/{bodyId}").WithTags("Petitions");
        bodies.MapGet("/petition-figures", async (string bodyId, IEventStore store, CancellationToken ct) =>
            TypedResults.Ok(await PetitionReader.FiguresAsync(store, bodyId, ct)));
        bodies.MapGet("/contact-meetings", async (string bodyId, IEventStore store, CancellationToken ct) =>
            TypedResults.Ok(await PetitionReader.MeetingsAsync(store, bodyId, ct)));
        bodies.MapGroup("").RequireAuthorization().AddEndpointFilter<ShapeValidationFilter>()
            .MapPost("/contact-meetings", RecordMeeting).Produces<MeetingFiledReply>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var public_ = group.MapGroup("").AddEndpointFilter<ShapeValidationFilter>().RequireRateLimiting(Extensions.PublicFilingRateLimit);
        public_.MapPost("/", File).Produces<PetitionFiledReply>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        public_.MapPost("/by-code/{code}/rating", RateByCode).Produces<CommandAccepted>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        public_.MapPost("/by-code/{code}/erasure", EraseByCode).Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        var writes = group.MapCommandGroup("/{petitionId:guid}");
        writes.MapPost("/merge", Merge);
        writes.MapPost("/routing", Route);
        writes.MapPost("/rerouting", Route);
        writes.MapPost("/answers", (Guid petitionId, PetitionAnswerRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
        {
            var answerId = CommandRunner.NewId(http, petitionId, "answer");
            return runner.RunAsync(http, Grain(grains, petitionId), (actor, now) => new AnswerPetition(answerId, body.Markdown, body.Outcome, actor, now), answerId);
        });
        writes.MapPost("/report-back", (Guid petitionId, ReportBackRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, petitionId), (actor, now) => new ReportBackToVoters(body.Channel, body.Note, actor, now)));
        // A voter's rating carries their account id as the rater key, and their grants (an officer may not rate
        // their own agency's answer) under no name: the log keeps no voter's name.
        writes.MapPost("/rating", async (Guid petitionId, PetitionRatingRequest body, TimeProvider time, IGrainFactory grains, HttpContext http) =>
            ActorClaims.ToActor(http.User) is { } voter
                ? (await CommandRunner.RunPublicAsync(http, Grain(grains, petitionId), (PetitionCommand)new RatePetition(
                    voter.UserId, body.Rating, body.Comment, voter with { Name = Public.Name }, time.GetUtcNow()))).Result
                : Problems.Unauthorized());
        writes.MapPost("/escalation", Escalate);
        return group;
    }

    /// <summary>Who the log says filed or rated on the portal: the public, whoever it was.</summary>
    private static readonly Actor Public = new("public", "Public", []);

    private static IPetitionGrain Grain(IGrainFactory grains, Guid petitionId) => grains.GetGrain<IPetitionGrain>(petitionId);

    private static async Task<Results<Ok<PetitionPage>, ProblemHttpResult>> List(
        string? body, string? province, string? field, string? status, string? agency, string? window, Guid? meeting, int? offset, int? limit,
        IEventStore store, CancellationToken cancellationToken)
    {
        if (window is not (null or "" or "overdue" or "open" or "unrouted" or "unresolved")
            || !TryFilter<PetitionField>(field, out var parsedField) || !TryFilter<PetitionStatus>(status, out var parsedStatus)
            || parsedStatus == PetitionStatus.None || (province is { Length: > 0 } && Provinces.Find(province) is null))
        {
            return Bad("bad_filter", "field, status and province take the values the API lists; window is overdue, open, unrouted or unresolved.");
        }

        if (limit is < 1 or > PetitionReader.MaxPage || offset is < 0)
        {
            return Bad("page_size", $"limit is 1 to {PetitionReader.MaxPage} and offset is not negative.");
        }

        return TypedResults.Ok(await PetitionReader.PageAsync(store,
            new PetitionFilter(Blank(body), Blank(province), parsedField?.ToString(), parsedStatus?.ToString(), Blank(agency), Blank(window), meeting),
            offset ?? 0, limit ?? 50, cancellationToken));
    }

    private static async Task<IResult> ByCode(string code, IEventStore store, TranscriptRenderer renderer, HttpContext http, CancellationToken cancellationToken) =>
        TrackingCode.Normalize(TrackingCode.Petition, code) is { } normalized
        && await PetitionReader.FindAsync(store, new PetitionFilter(Code: normalized), cancellationToken) is { } petition
            ? await DetailAsync(petition, store, renderer, http, cancellationToken)
            : NotFound();

    private static async Task<IResult> Get(Guid petitionId, IEventStore store, TranscriptRenderer renderer, HttpContext http, CancellationToken cancellationToken) =>
        await PetitionReader.FindAsync(store, new PetitionFilter(Id: petitionId), cancellationToken) is { } petition
            ? await DetailAsync(petition, store, renderer, http, cancellationToken)
            : NotFound();

    private static async Task<IResult> DetailAsync(
        PetitionSummary petition, IEventStore store, TranscriptRenderer renderer, HttpContext http, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(PetitionGrain.StreamId(petition.PetitionId), 1, 10_000, cancellationToken);
        var sources = new List<PetitionSourceView>();
        foreach (var e in events)
        {
            IEnumerable<PetitionSource> raised = e.Type switch
            {
                "petition_filed" => [Decode<PetitionFiled>(e).Source],
                "petition_absorbed" => Decode<PetitionAbsorbed>(e).Sources,
                _ => [],
            };
            sources.AddRange(raised.Select(s => new PetitionSourceView(
                s.SourceId, s.Channel, s.Meeting?.MeetingId, s.Meeting?.Date, s.Meeting?.Timing, s.Meeting?.Session,
                s.Locality.ProvinceId, s.Locality.Commune, s.Text, s.Supporters)));
        }

        http.Response.Headers.ETag = CommandRunner.ETag(petition.Version);
        return TypedResults.Ok(new PetitionDetail(petition, sources, [.. events.Select(e => PetitionEventView.From(e, renderer))]));
    }

    /// <summary>Who filed (for the body's secretariat or supervising committee, the answering agency's officers, admins): name and contact, or "erased".</summary>
    private static async Task<IResult> Submitters(
        Guid petitionId, IGrainFactory grains, PersonalDataStore personal, HttpContext http, CancellationToken cancellationToken)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor)
        {
            return Problems.Unauthorized();
        }

        if (await Grain(grains, petitionId).Get(cancellationToken) is not (var state, _))
        {
            return NotFound();
        }

        var mayRead = actor.HoldsAny(state.BodyId, Role.Secretariat, Role.Supervisor, Role.Admin)
            || (state.Routing is { } routing && actor.Grants.Any(g => g.Role == Role.AgencyOfficer && g.BodyId == routing.AgencyBodyId && g.PersonId == routing.AgencyId));
        if (!mayRead)
        {
            return Problems.From(new DomainError(ErrorKind.Forbidden, "role_required",
                "Only the body's secretariat or supervising committee and the answering agency's officers see who filed."));
        }

        var details = new List<PersonalDetails>();
        foreach (var subject in state.Sources.Select(s => s.SubmitterId).OfType<Guid>().Distinct())
        {
            if (await personal.GetAsync(subject, cancellationToken) is { } found)
            {
                details.Add(found with { AccountId = null });
            }
        }

        return TypedResults.Ok(details);
    }

    private static async Task<IResult> File(
        OnlinePetitionRequest request, IGrainFactory grains, PersonalDataStore personal, IEventStore store, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBodyGrain>(request.BodyId.Trim()).Get(cancellationToken) is not ({ Exists: true }, _))
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown body", "There is no such body to file a petition to.", "body_not_found");
        }

        // The command is the public's whoever files: a signed-in voter's name must not reach the log's metadata.
        var accountId = ActorClaims.ToActor(http.User)?.UserId;
        var key = http.Request.Headers[CommandRunner.IdempotencyHeader].ToString();
        var petitionId = await PetitionReader.FreeIdAsync(store, CommandRunner.NewId(http, Guid.Empty, "petition"), cancellationToken);
        var sourceId = DerivedId.Of($"{petitionId:N}|source");
        // Every online filer gets a subject and a secret, named or not: the secret is how they rate the answer
        // or have their details erased without an account. A retried filing (same key) derives the same ones.
        var petitioner = request.Petitioner;
        var subjectId = DerivedId.Of($"{petitionId:N}|submitter");
        var secret = PersonalDataStore.SecretFor(key);
        if (!await personal.SaveAsync(subjectId, SubjectKind.Petitioner, petitioner?.FullName, petitioner?.Contact, petitioner?.Address, null,
                accountId, secret, cancellationToken))
        {
            return Problems.Problem(StatusCodes.Status409Conflict, "Conflict", "This idempotency key was used for another filing.", "idempotency_key_reused");
        }

        var code = TrackingCode.Of(TrackingCode.Petition, petitionId);
        var source = new PetitionSource(sourceId, SourceChannel.Online, null, subjectId,
            new Locality(request.ProvinceId.Trim(), Blank(request.Commune)), request.Text, 1, null);
        var (reply, result) = await CommandRunner.RunPublicAsync(http, Grain(grains, petitionId),
            (PetitionCommand)new FilePetition(petitionId, code, request.BodyId.Trim(), request.Field, request.Title, source, Public, time.GetUtcNow()), petitionId);
        if (!reply.Succeeded)
        {
            // Nothing is kept for a filing that never was; a refused retry of a filing that was made keeps its filer.
            if (await Grain(grains, petitionId).Get(cancellationToken) is null)
            {
                await personal.ForgetAsync(subjectId, cancellationToken);
            }

            return result;
        }

        return TypedResults.Ok(new PetitionFiledReply(petitionId, code, secret, reply.Version));
    }

    private static async Task<IResult> RecordMeeting(
        string bodyId, ContactMeetingRequest request, IGrainFactory grains, IEventStore store, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor)
        {
            return Problems.Unauthorized();
        }

        var meetingId = CommandRunner.NewId(http, Guid.Empty, $"meeting|{bodyId}");
        var meeting = new ContactMeeting(meetingId, request.Date, request.Timing, request.Session,
            new Locality(request.ProvinceId.Trim(), Blank(request.Commune)), request.HeldBy ?? []);
        // Everything is checked before the first petition is filed, so a meeting is recorded whole or not at all
        // (and a retry with the same key, deriving the same ids, finishes one that was cut short).
        var ids = new List<Guid>();
        for (var i = 0; i < request.Petitions.Count; i++)
        {
            ids.Add(await PetitionReader.FreeIdAsync(store, DerivedId.Of($"{meetingId:N}|petition|{i}"), cancellationToken));
        }

        var commands = request.Petitions.Select((p, i) =>
        {
            var petitionId = ids[i];
            var source = new PetitionSource(DerivedId.Of($"{petitionId:N}|source"), SourceChannel.Meeting, meeting, null, meeting.Locality, p.Text, p.Supporters, null);
            return (petitionId, Command: (Func<Actor, DateTimeOffset, PetitionCommand>)((a, now) =>
                new FilePetition(petitionId, TrackingCode.Of(TrackingCode.Petition, petitionId), bodyId, p.Field, p.Title, source, a, now)));
        }).ToList();
        foreach (var (_, command) in commands)
        {
            if (PetitionDecider.Decide(command(actor, time.GetUtcNow()), PetitionState.Empty).Error is { } error)
            {
                return Problems.From(error);
            }
        }

        if (await grains.GetGrain<IBodyGrain>(bodyId).Get(cancellationToken) is not ({ Exists: true }, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such body.", "body_not_found");
        }

        var filed = new List<PetitionFiledReply>();
        foreach (var (petitionId, command) in commands)
        {
            var reply = await Grain(grains, petitionId).ExecuteAsync(command(actor, time.GetUtcNow()), new CommandOptions(CorrelationId: http.TraceIdentifier), cancellationToken);
            if (reply.Outcome is not (CommandOutcome.Accepted or CommandOutcome.Repeated))
            {
                return reply.Error is { } error ? Problems.From(error) : Problems.Busy();
            }

            filed.Add(new PetitionFiledReply(petitionId, TrackingCode.Of(TrackingCode.Petition, petitionId), null, reply.Version));
        }

        return TypedResults.Ok(new MeetingFiledReply(meetingId, filed));
    }

    /// <summary>Merges the duplicate into this petition: the duplicate is marked first (so it cannot be routed meanwhile), then its sources move; both steps repeat harmlessly.</summary>
    private static async Task<IResult> Merge(
        Guid petitionId, MergeRequest request, IGrainFactory grains, CommandRunner runner, HttpContext http, CancellationToken cancellationToken)
    {
        var keeper = await Grain(grains, petitionId).Get(cancellationToken);
        var duplicate = await Grain(grains, request.DuplicateId).Get(cancellationToken);
        if (keeper is null || duplicate is null)
        {
            return NotFound();
        }

        if (keeper.State.BodyId != duplicate.State.BodyId)
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Different bodies", "Only petitions filed to the same body merge.", "merge_across_bodies");
        }

        if (keeper.State.MergedInto is not null)
        {
            return Problems.Problem(StatusCodes.Status409Conflict, "Merged", "This petition was itself merged into another: merge into that one.", "keeper_merged");
        }

        var marked = await runner.RunAsync(http, Grain(grains, request.DuplicateId), (actor, now) => new MarkMerged(petitionId, actor, now));
        if (marked is not Ok<CommandAccepted>)
        {
            return marked;
        }

        var sources = (await Grain(grains, request.DuplicateId).Get(cancellationToken))!.State.Sources;
        return await runner.RunAsync(http, Grain(grains, petitionId), (actor, now) => new AbsorbPetition(request.DuplicateId, sources, actor, now));
    }

    /// <summary>
    /// Routes (or reroutes, with a reason) to one agency registered in its body; a National Assembly agency
    /// makes it a central matter. The deadline is counted here: <c>Petitions:AnswerDays:Central</c> (60, the
    /// Government's) or <c>Petitions:AnswerDays:Local</c> calendar days from today.
    /// </summary>
    private static async Task<IResult> Route(
        Guid petitionId, RoutingRequest request, IGrainFactory grains, CommandRunner runner, IConfiguration configuration, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await Grain(grains, petitionId).Get(cancellationToken) is not (var state, _))
        {
            return NotFound();
        }

        var agencyBodyId = Blank(request.AgencyBodyId) ?? state.BodyId;
        var body = (await grains.GetGrain<IBodyGrain>(agencyBodyId).Get(cancellationToken))?.State ?? BodyState.Empty;
        if (!body.Agencies.TryGetValue(request.AgencyId.Trim(), out var agency))
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown agency", "No agency under this id answers to that body.", "agency_not_found");
        }

        var level = body.Kind == BodyKind.NationalAssembly ? PetitionLevel.Central : PetitionLevel.Local;
        var days = configuration.GetValue($"Petitions:AnswerDays:{level}", 60);
        var deadline = VietnamTime.Today(time.GetUtcNow()).AddDays(days);
        var reroute = http.Request.Path.Value!.EndsWith("/rerouting", StringComparison.Ordinal);
        if (reroute && !Texts.HasContent(request.Reason))
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Reason required", "Say why the petition goes to another agency.", "reason_required");
        }

        return await runner.RunAsync(http, Grain(grains, petitionId), (actor, now) => reroute
            ? new ReroutePetition(level, agency.AgencyId, agency.Name, agencyBodyId, deadline, request.Reason!, actor, now)
            : new RoutePetition(level, agency.AgencyId, agency.Name, agencyBodyId, deadline, actor, now));
    }

    /// <summary>
    /// Takes an unsatisfactory or overdue petition further: to a supervision topic of the same body, which then
    /// cites it as evidence, or to a scheduled sitting of the body, where it is to be questioned. The target must
    /// exist there; the petition records the escalation first (who may, and whether the petition warrants it, is the
    /// decider's rule), then the topic links it: both steps repeat harmlessly.
    /// </summary>
    private static async Task<IResult> Escalate(
        Guid petitionId, EscalationRequest body, CommandRunner runner, IGrainFactory grains, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await Grain(grains, petitionId).Get(cancellationToken) is not (var petition, _))
        {
            return NotFound();
        }

        // Who may, and whether the petition warrants it, first: a caller who may not escalate learns nothing of targets.
        if (ActorClaims.ToActor(http.User) is { } caller
            && PetitionDecider.Decide(new EscalatePetition(body.Target, body.TargetId, body.Reason, caller, time.GetUtcNow()), petition).Error is { } refused)
        {
            return Problems.From(refused);
        }

        var targetBody = body.Target == EscalationTarget.SupervisionTopic
            ? (await grains.GetGrain<Grains.Supervision.ISupervisionGrain>(body.TargetId).Get(cancellationToken))?.State.BodyId
            : (await grains.GetGrain<Grains.Sittings.ISittingGrain>(body.TargetId).Get(cancellationToken)) is ({ Status: Domain.Sittings.SittingStatus.Scheduled } sitting, _)
                ? sitting.BodyId
                : null;
        if (targetBody != petition.BodyId)
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown target",
                "Escalate to a supervision topic or a scheduled sitting of the petition's own body.", "escalation_target_not_found");
        }

        var escalated = await runner.RunAsync(http, Grain(grains, petitionId), (actor, now) => new EscalatePetition(body.Target, body.TargetId, body.Reason, actor, now));
        if (escalated is not Ok<CommandAccepted> || body.Target != EscalationTarget.SupervisionTopic)
        {
            return escalated;
        }

        var linked = await runner.RunAsync(http, grains.GetGrain<Grains.Supervision.ISupervisionGrain>(body.TargetId),
            (actor, now) => new Domain.Supervision.LinkEvidence([new Domain.Supervision.EvidenceLink(Domain.Supervision.EvidenceKind.Petition, petitionId)], actor, now));
        return linked is Ok<CommandAccepted> ? escalated : linked;
    }

    /// <summary>A filer rates the latest answer with the secret they were given; a signed-in voter rates through /{id}/rating.</summary>
    private static async Task<IResult> RateByCode(
        string code, PetitionRatingRequest request, IGrainFactory grains, PersonalDataStore personal, IEventStore store, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await FilerAsync(code, grains, personal, store, http, cancellationToken) is not ({ } petitionId, { } source))
        {
            return NotFound();
        }

        return (await CommandRunner.RunPublicAsync(http, Grain(grains, petitionId),
            (PetitionCommand)new RatePetition($"{PetitionDecider.FilerKeyPrefix}{source.SourceId}", request.Rating, request.Comment, Public, time.GetUtcNow()))).Result;
    }

    /// <summary>A filer has their details erased with their secret; the petition stays, with no one's name on it.</summary>
    private static async Task<IResult> EraseByCode(
        string code, IGrainFactory grains, PersonalDataStore personal, IEventStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (await FilerAsync(code, grains, personal, store, http, cancellationToken) is not (_, { SubmitterId: { } subject }))
        {
            return NotFound();
        }

        await personal.EraseAsync(subject, "Requested by the filer", cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The petition and the source whose submitter holds the secret in <see cref="SecretHeader"/>; nothing when the code or the secret is wrong (the same either way).</summary>
    private static async Task<(Guid PetitionId, PetitionSource Source)?> FilerAsync(
        string code, IGrainFactory grains, PersonalDataStore personal, IEventStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (TrackingCode.Normalize(TrackingCode.Petition, code) is not { } normalized
            || await PetitionReader.FindAsync(store, new PetitionFilter(Code: normalized), cancellationToken) is not { } petition
            || await Grain(grains, petition.PetitionId).Get(cancellationToken) is not (var state, _))
        {
            return null;
        }

        var secret = http.Request.Headers[SecretHeader].ToString();
        foreach (var source in state.Sources.Where(s => s.SubmitterId is not null))
        {
            if (await personal.HoldsSecretAsync(source.SubmitterId!.Value, secret, cancellationToken))
            {
                return (petition.PetitionId, source);
            }
        }

        return null;
    }

    private static T Decode<T>(StoredEvent stored) => System.Text.Json.JsonSerializer.Deserialize<T>(stored.Data, Runtime.Aggregates.Json.Options)!;

    private static IResult NotFound() => Problems.Problem(StatusCodes.Status404NotFound, "Not found", "No petition has this id or code.", "petition_not_found");

    private static ProblemHttpResult Bad(string code, string detail) =>
        (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad request", detail, code);

    /// <summary>An optional enum filter: absent is fine; present must name a value (not a number).</summary>
    private static bool TryFilter<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (text.Any(char.IsDigit) || !Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
