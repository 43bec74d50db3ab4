using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Places;
using QuestionSessions.Domain.Supervision;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Supervision;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Supervision;

/// <summary>
/// Topical supervision (giám sát chuyên đề): the public list and a topic's page, the body's decision, and every
/// step after it. Who may take a step is the decider's rule; this resolves what only the server knows (the
/// agencies registered with a body, the term, the days the plan and a supplement are due, whether cited evidence
/// exists) and translates.
/// </summary>
internal static class SupervisionEndpoints
{
    public static RouteGroupBuilder MapSupervision(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/bodies/{bodyId}/supervision").WithTags("Supervision").MapCommandGroup("").MapPost("/", Decide);

        var group = routes.MapGroup("/api/supervision").WithTags("Supervision");
        group.MapGet("/", List);
        group.MapGet("/{topicId:guid}", Get);

        var writes = group.MapCommandGroup("/{topicId:guid}");
        writes.MapPost("/plan", (Guid topicId, SupervisionPlanRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, topicId), (actor, now) => new SendPlan(body.OutlineMarkdown, body.WorkingSessions, body.ProgrammeSentOn, actor, now)));
        writes.MapPost("/evidence", LinkEvidence);
        writes.MapPost("/evidence/removal", (Guid topicId, EvidenceRemovalRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, topicId), (actor, now) => new UnlinkEvidence(new EvidenceLink(body.Kind, body.Id), body.Reason, actor, now)));
        writes.MapPost("/reports", (Guid topicId, SupervisionReportRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
        {
            var reportId = CommandRunner.NewId(http, topicId, "report");
            return runner.RunAsync(http, Grain(grains, topicId), (actor, now) =>
                new ReceiveReport(reportId, body.AgencyId, body.Markdown, body.Attachments ?? [], actor, now), reportId);
        });
        writes.MapPost("/supplements", (Guid topicId, SupervisionSupplementRequest body, CommandRunner runner, IGrainFactory grains, TimeProvider time, HttpContext http) =>
        {
            var dueBy = VietnamTime.Today(time.GetUtcNow()).AddDays(SupervisionDecider.SupplementDays);
            return runner.RunAsync(http, Grain(grains, topicId), (actor, now) => new RequestSupplement(body.AgencyId, body.What, dueBy, actor, now));
        });
        writes.MapPost("/visits", (Guid topicId, FieldVisitRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
        {
            var visitId = CommandRunner.NewId(http, topicId, "visit");
            var locality = new Locality(body.ProvinceId.Trim(), string.IsNullOrWhiteSpace(body.Commune) ? null : body.Commune);
            return runner.RunAsync(http, Grain(grains, topicId), (actor, now) =>
                new RecordFieldVisit(visitId, body.Date!.Value, locality, body.NotesMarkdown, actor, now), visitId);
        });
        writes.MapPost("/findings", (Guid topicId, FindingRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
        {
            var findingId = CommandRunner.NewId(http, topicId, "finding");
            return runner.RunAsync(http, Grain(grains, topicId), (actor, now) => new RecordFinding(findingId, body.Markdown, actor, now), findingId);
        });
        writes.MapPost("/recommendations", Recommend);
        writes.MapPost("/resolution", (Guid topicId, SupervisionResolutionRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, topicId), (actor, now) =>
                new AdoptSupervisionResolution(body.Reference, body.Markdown, body.AdoptedOn!.Value, actor, now)));
        writes.MapPost("/follow-ups", (Guid topicId, SupervisionFollowUpRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
        {
            var entryId = CommandRunner.NewId(http, topicId, "follow-up");
            return runner.RunAsync(http, Grain(grains, topicId), (actor, now) => new RecordFollowUp(entryId, body.Markdown, actor, now), entryId);
        });
        writes.MapPost("/closure", (Guid topicId, TopicClosureRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, topicId), (actor, now) => new CloseTopic(body.Summary, actor, now)));
        return group;
    }

    private static ISupervisionGrain Grain(IGrainFactory grains, Guid topicId) => grains.GetGrain<ISupervisionGrain>(topicId);

    /// <summary>A page of topics, the latest changed first; <paramref name="cites"/> keeps those citing one petition or commitment.</summary>
    private static async Task<Results<Ok<SupervisionPage>, ProblemHttpResult>> List(
        string? body, string? stage, Guid? cites, int? offset, int? limit, IEventStore store, CancellationToken cancellationToken)
    {
        SupervisionStage? parsed = null;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (!Enum.TryParse<SupervisionStage>(stage.Trim(), ignoreCase: true, out var s) || s == SupervisionStage.None || stage.Any(char.IsDigit))
            {
                return Bad("bad_filter", $"stage is one of {string.Join(", ", Enum.GetNames<SupervisionStage>().Skip(1))}.");
            }

            parsed = s;
        }

        if (limit is < 1 or > SupervisionDirectory.MaxPage || offset is < 0)
        {
            return Bad("page_size", $"limit is 1 to {SupervisionDirectory.MaxPage} and offset is not negative.");
        }

        return TypedResults.Ok(await SupervisionDirectory.PageAsync(
            store, string.IsNullOrWhiteSpace(body) ? null : body.Trim(), parsed, cites, offset ?? 0, limit ?? 50, cancellationToken));
    }

    private static async Task<Results<Ok<SupervisionDetail>, NotFound>> Get(
        Guid topicId, IGrainFactory grains, IEventStore store, TranscriptRenderer renderer, HttpContext http, CancellationToken cancellationToken)
    {
        if (await Grain(grains, topicId).Get(cancellationToken) is not (var state, var version))
        {
            return TypedResults.NotFound();
        }

        var petitions = await SupervisionEvidence.PetitionsAsync(
            store, state.Evidence.Where(e => e.Kind == EvidenceKind.Petition).Select(e => e.Id), cancellationToken);
        var commitments = await SupervisionEvidence.CommitmentsAsync(store,
            state.Evidence.Where(e => e.Kind == EvidenceKind.Commitment).Select(e => e.Id).Concat(state.Recommendations.Select(r => r.CommitmentId)),
            cancellationToken);
        var evidence = state.Evidence.OrderBy(e => e.Kind).ThenBy(e => e.Id)
            .Select(e => new SupervisionEvidenceView(e.Kind, e.Id, petitions.GetValueOrDefault(e.Id), e.Kind == EvidenceKind.Commitment ? commitments.GetValueOrDefault(e.Id) : null))
            .ToList();
        var recommendations = state.Recommendations.Select(r => new RecommendationView(
            r.RecommendationId, r.CommitmentId, r.Text, r.ExpectedResult, r.Owner, r.Deadline, r.FindingIds, commitments.GetValueOrDefault(r.CommitmentId))).ToList();

        // The timeline up to the version of the state shown, so the page never mixes two versions.
        var events = await store.ReadStreamAsync(SupervisionGrain.StreamId(topicId), 1, (int)Math.Min(version, int.MaxValue), cancellationToken);
        http.Response.Headers.ETag = CommandRunner.ETag(version);
        return TypedResults.Ok(new SupervisionDetail(
            SupervisionTopicView.From(state, version, renderer), evidence, recommendations,
            [.. events.Select(e => SupervisionEventView.From(topicId, e, renderer))]));
    }

    /// <summary>The body decides a topic: the agencies are looked up where they are registered; the term and the plan's due day are the server's.</summary>
    private static async Task<IResult> Decide(
        string bodyId, SupervisionTopicRequest request, IGrainFactory grains, CommandRunner runner, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBodyGrain>(bodyId).Get(cancellationToken) is not ({ Exists: true } body, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such body.", "body_not_found");
        }

        var bodies = new Dictionary<string, BodyState>(StringComparer.Ordinal) { [body.BodyId] = body };
        var supervised = new List<SupervisedAgency>();
        foreach (var wanted in request.Supervised.OfType<SupervisedAgencyRequest>())
        {
            var agencyBodyId = string.IsNullOrWhiteSpace(wanted.BodyId) ? body.BodyId : wanted.BodyId.Trim();
            if (!bodies.TryGetValue(agencyBodyId, out var agencyBody))
            {
                bodies[agencyBodyId] = agencyBody = (await grains.GetGrain<IBodyGrain>(agencyBodyId).Get(cancellationToken))?.State ?? BodyState.Empty;
            }

            if (!agencyBody.Agencies.TryGetValue(wanted.AgencyId.Trim(), out var agency))
            {
                return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown agency",
                    $"'{wanted.AgencyId}' is not an agency registered with body '{agencyBodyId}'.", "agency_not_found");
            }

            supervised.Add(new SupervisedAgency(agency.AgencyId, agency.Name, agencyBodyId));
        }

        var planDueBy = VietnamTime.Today(time.GetUtcNow()).AddDays(SupervisionDecider.PlanDays);
        var topicId = CommandRunner.NewId(http, Guid.Empty, $"supervision|{bodyId}");
        return await runner.RunAsync(http, Grain(grains, topicId), (actor, now) => new DecideTopic(
            topicId, body.BodyId, body.Term, request.Title, request.ScopeMarkdown, request.AssignedTo, request.DecisionReference,
            supervised, planDueBy, actor, now), topicId);
    }

    /// <summary>Links petitions and commitments that exist in the public read models; any that does not writes nothing.</summary>
    private static async Task<IResult> LinkEvidence(
        Guid topicId, SupervisionEvidenceRequest request, IEventStore store, CommandRunner runner, IGrainFactory grains, HttpContext http,
        CancellationToken cancellationToken)
    {
        var links = request.Links.OfType<EvidenceLinkRequest>().Select(l => new EvidenceLink(l.Kind, l.Id)).ToList();
        var petitions = await SupervisionEvidence.PetitionsAsync(store, links.Where(l => l.Kind == EvidenceKind.Petition).Select(l => l.Id), cancellationToken);
        var commitments = await SupervisionEvidence.CommitmentsAsync(store, links.Where(l => l.Kind == EvidenceKind.Commitment).Select(l => l.Id), cancellationToken);
        var missing = links.Where(l => l.Kind switch
        {
            EvidenceKind.Petition => !petitions.ContainsKey(l.Id),
            EvidenceKind.Commitment => !commitments.ContainsKey(l.Id),
            _ => false, // not a kind of evidence: the decider refuses it
        }).ToList();
        if (missing.Count > 0)
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown evidence",
                $"No such {string.Join(", ", missing.Take(5).Select(m => $"{m.Kind.ToString().ToLowerInvariant()} {m.Id}"))}{(missing.Count > 5 ? $" (and {missing.Count - 5} more)" : "")}.",
                "evidence_not_found");
        }

        return await runner.RunAsync(http, Grain(grains, topicId), (actor, now) => new LinkEvidence(links, actor, now));
    }

    /// <summary>
    /// A recommendation to an agency registered with the topic's body. The commitment it becomes is the topic's
    /// body's, whose officers of that agency report on it, so an agency of another body cannot own one.
    /// </summary>
    private static async Task<IResult> Recommend(
        Guid topicId, RecommendationRequest request, IGrainFactory grains, CommandRunner runner, HttpContext http, CancellationToken cancellationToken)
    {
        var topic = Grain(grains, topicId);
        if (await topic.Get(cancellationToken) is not (var state, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "No supervision topic has been decided under this id.", "topic_not_found");
        }

        var agencyId = request.AgencyId.Trim();
        var agencyBodyId = string.IsNullOrWhiteSpace(request.AgencyBodyId) ? state.Agency(agencyId)?.AgencyBodyId ?? state.BodyId : request.AgencyBodyId.Trim();
        if (agencyBodyId != state.BodyId)
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Agency of another body",
                $"A recommendation goes to an agency registered with body '{state.BodyId}', whose officers report on the commitment it becomes.",
                "agency_not_in_body");
        }

        var body = (await grains.GetGrain<IBodyGrain>(state.BodyId).Get(cancellationToken))?.State ?? BodyState.Empty;
        if (!body.Agencies.TryGetValue(agencyId, out var agency))
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown agency",
                $"'{request.AgencyId}' is not an agency registered with this body.", "agency_not_found");
        }

        var (deadline, problem) = DeadlineChoice.Resolve(body, request.Deadline, request.BeforeSession);
        if (problem is not null)
        {
            return problem;
        }

        var recommendationId = CommandRunner.NewId(http, topicId, "recommendation");
        var owner = new SupervisedAgency(agency.AgencyId, agency.Name, state.BodyId);
        return await runner.RunAsync(http, topic, (actor, now) => new MakeRecommendation(
            recommendationId, request.Text, request.ExpectedResult, owner, deadline!, request.FindingIds ?? [], actor, now), recommendationId);
    }

    private static ProblemHttpResult Bad(string code, string detail) =>
        (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad request", detail, code);
}
