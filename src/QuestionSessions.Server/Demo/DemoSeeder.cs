using System.Text.Json;
using Microsoft.Extensions.Options;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Resolutions;
using QuestionSessions.Grains.Resolutions;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Demo;

/// <summary>
/// Seeds the demo into an empty store through the ordinary command path, so the demo's history is
/// as real as any other: events, hash chain, read models. Every step is idempotent, so a seed cut
/// short, or two nodes seeding at once, ends in the same data.
/// </summary>
internal sealed class DemoSeeder(
    IOptions<DemoOptions> options,
    IGrainFactory grains,
    AccountStore accounts,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed)
        {
            return;
        }

        var data = Load();
        if (await accounts.FindAsync("admin", cancellationToken) is not null
            && await grains.GetGrain<IBodyGrain>(data.Bodies[^1].BodyId).Get(cancellationToken) is not null)
        {
            return;
        }

        logger.LogInformation("Seeding demo bodies, accounts and sittings (password for every demo account: {Password})", options.Value.Password);
        var now = time.GetUtcNow();
        var admin = Actor.System;
        foreach (var body in data.Bodies)
        {
            await Body(body.BodyId, new EstablishBody(body.BodyId, body.Kind, body.Name, body.NameEn, body.ParentBodyId, body.Term, admin, now), cancellationToken);
            await Body(body.BodyId, new AdoptRulesProfile(data.RulesProfiles[body.RulesProfile], admin, now), cancellationToken);
            foreach (var member in body.Members)
            {
                await Body(body.BodyId, new SeatMember(member, admin, now), cancellationToken);
                await AccountAsync(member.MemberId, member.Name, [new Grant(Role.Deputy, body.BodyId, member.MemberId)], now, cancellationToken);
            }

            foreach (var agency in body.Agencies)
            {
                await Body(body.BodyId, new RegisterAgency(agency, admin, now), cancellationToken);
            }

            foreach (var session in body.Sessions ?? [])
            {
                await Body(body.BodyId, new ScheduleSession(session.Number, Domain.Calendar.VietnamTime.Today(now).AddDays(session.OpensInDays), admin, now), cancellationToken);
            }

            foreach (var official in body.Officials)
            {
                await Body(body.BodyId, new AppointOfficial(official, admin, now), cancellationToken);
                await AccountAsync(official.OfficialId, official.Name, [new Grant(Role.Respondent, body.BodyId, official.OfficialId)], now, cancellationToken);
            }
        }

        foreach (var sitting in data.Sittings)
        {
            await ScheduleAsync(data, sitting, now, cancellationToken);
        }

        foreach (var resolution in data.Resolutions ?? [])
        {
            await ResolutionAsync(data, resolution, now, cancellationToken);
        }

        foreach (var petition in data.Petitions ?? [])
        {
            await PetitionAsync(data, petition, now, cancellationToken);
        }

        // Last, so "admin exists" means the seed finished.
        foreach (var account in data.Accounts)
        {
            await AccountAsync(account.Username, account.DisplayName, account.Grants, now, cancellationToken);
        }
    }

    private async Task ScheduleAsync(DemoData data, DemoSitting sitting, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = data.Bodies.Single(b => b.BodyId == sitting.BodyId);
        var officials = body.Officials.ToDictionary(o => o.OfficialId, o => new Respondent(o.OfficialId, o.Name, o.Office));
        var startsAt = DemoRun.StartsAt(sitting, now);
        // A sitting with a script is played at historical times: scheduled a week before it starts.
        var scheduledAt = sitting.Script is null ? now : startsAt.AddDays(-7);
        var clusters = sitting.Clusters
            .Select(c => new ClusterPlan(c.ClusterId, c.Title, officials[c.Main], [.. c.Related.Select(r => officials[r])])).ToList();
        var rules = data.RulesProfiles[body.RulesProfile];
        await Sitting(sitting.SittingId, new ScheduleSitting(sitting.SittingId, body.BodyId, sitting.Title, startsAt, rules, clusters, Actor.System, scheduledAt), cancellationToken);

        foreach (var (slip, index) in sitting.Slips.Select((s, i) => (s, i)))
        {
            var member = body.Members.Single(m => m.MemberId == slip.Deputy);
            var deputy = new Actor(member.MemberId, member.Name, [new Grant(Role.Deputy, body.BodyId, member.MemberId)]);
            var clusterId = slip.Cluster is { } c ? sitting.Clusters[c].ClusterId : (Guid?)null;
            var filedAt = sitting.Script is null ? now : scheduledAt.AddHours(index + 1);
            await Sitting(sitting.SittingId, new FileQuestion(SlipId(sitting.SittingId, index), clusterId, officials[slip.Respondent], slip.Text, deputy, filedAt), cancellationToken);
        }

        if (sitting.Script is not null)
        {
            await new DemoRun(grains, data, body, sitting, logger).PlayAsync(startsAt, cancellationToken);
        }
    }

    public static Guid SlipId(Guid sittingId, int index) => StableId(sittingId, $"slip|{index}");

    private async Task ResolutionAsync(DemoData data, DemoResolution demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = data.Bodies.Single(b => b.BodyId == demo.BodyId);
        var secretariat = data.Accounts.First(a => a.Grants.Any(g => g.Role == Role.Secretariat && g.BodyId == body.BodyId));
        var actor = new Actor(secretariat.Username, secretariat.DisplayName, secretariat.Grants);
        var grain = grains.GetGrain<IResolutionGrain>(demo.ResolutionId);
        var today = Domain.Calendar.VietnamTime.Today(now);
        var adopted = await grain.ExecuteAsync(new AdoptResolution(
            demo.ResolutionId, body.BodyId, body.Term, demo.Number, demo.Title, today.AddDays(-demo.AdoptedDaysAgo), demo.Markdown,
            Resolutions.ResolutionClauses.Read(demo.Markdown), actor, now), CommandOptions.None, cancellationToken);
        if (adopted.Error is { } refused)
        {
            logger.LogWarning("Demo resolution {Number} refused: {Code}", demo.Number, refused.Code);
            return;
        }

        foreach (var assign in demo.Assign)
        {
            var agency = body.Agencies.Single(a => a.AgencyId == assign.AgencyId);
            var official = assign.OfficialId is { } id ? body.Officials.Single(o => o.OfficialId == id) : null;
            var session = body.Sessions!.Single(s => s.Number == assign.BeforeSession);
            var result = await grain.ExecuteAsync(new AssignClause(
                assign.Clause, Resolutions.ResolutionEndpoints.ClauseCommitmentId(demo.ResolutionId, assign.Clause),
                new CommitmentOwner(agency.AgencyId, agency.Name, official?.OfficialId, official?.Name),
                CommitmentDeadline.BeforeSession(session.Number, today.AddDays(session.OpensInDays)), assign.ExpectedResult, actor, now),
                CommandOptions.None, cancellationToken);
            if (result.Error is { } error)
            {
                logger.LogWarning("Demo resolution {Number} clause {Clause} refused: {Code}", demo.Number, assign.Clause, error.Code);
            }
        }
    }

    /// <summary>A petition's history played through the ordinary commands at its days: filed, routed, answered, reported back, rated.</summary>
    private async Task PetitionAsync(DemoData data, DemoPetition demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Actor Holder(Role role, string bodyId, string? agencyId = null)
        {
            var account = data.Accounts.First(a => a.Grants.Any(g => g.Role == role && g.BodyId == bodyId && (agencyId is null || g.PersonId == agencyId)));
            return new Actor(account.Username, account.DisplayName, account.Grants);
        }

        var grain = grains.GetGrain<Grains.Petitions.IPetitionGrain>(demo.PetitionId);
        var today = VietnamTime.Today(now);
        var filedAt = now.AddDays(-demo.FiledDaysAgo);
        var locality = new Domain.Places.Locality(demo.ProvinceId, demo.Commune);
        var meeting = demo.Meeting is { } m
            ? new Domain.Petitions.ContactMeeting(m.MeetingId, VietnamTime.Today(filedAt), m.Timing, m.Session, locality, m.HeldBy)
            : null;
        var source = new Domain.Petitions.PetitionSource(
            StableId(demo.PetitionId, "source"), meeting is null ? Domain.Petitions.SourceChannel.Online : Domain.Petitions.SourceChannel.Meeting,
            meeting, null, locality, demo.Text, demo.Supporters, null);
        var steps = new List<Domain.Petitions.PetitionCommand>
        {
            new Domain.Petitions.FilePetition(demo.PetitionId, TrackingCode.Of(TrackingCode.Petition, demo.PetitionId), demo.BodyId, demo.Field,
                demo.Title, source, meeting is null ? new Actor("public", "Public", []) : Holder(Role.Secretariat, demo.BodyId), filedAt),
        };
        if (demo.Route is { } route)
        {
            var body = data.Bodies.Single(b => b.BodyId == route.AgencyBodyId);
            var agency = body.Agencies.Single(a => a.AgencyId == route.AgencyId);
            var level = body.Kind == BodyKind.NationalAssembly ? Domain.Petitions.PetitionLevel.Central : Domain.Petitions.PetitionLevel.Local;
            steps.Add(new Domain.Petitions.RoutePetition(level, agency.AgencyId, agency.Name, body.BodyId,
                today.AddDays(60 - route.DaysAgo), Holder(Role.Secretariat, demo.BodyId), now.AddDays(-route.DaysAgo)));
            if (demo.Answer is { } answer)
            {
                steps.Add(new Domain.Petitions.AnswerPetition(StableId(demo.PetitionId, "answer"), answer.Markdown, answer.Outcome,
                    Holder(Role.AgencyOfficer, body.BodyId, agency.AgencyId), now.AddDays(-answer.DaysAgo)));
                if (demo.ReportedBack)
                {
                    steps.Add(new Domain.Petitions.ReportBackToVoters("Tiếp xúc cử tri", null, Holder(Role.Secretariat, demo.BodyId), now.AddDays(-answer.DaysAgo + 1)));
                }

                foreach (var (rating, i) in (demo.Ratings ?? []).Select((r, i) => (r, i)))
                {
                    steps.Add(new Domain.Petitions.RatePetition($"demo:voter-{i + 1}", rating, null, new Actor($"demo-voter-{i + 1}", "Cử tri", []), now.AddHours(-i - 1)));
                }
            }
        }

        foreach (var step in steps)
        {
            var result = await grain.ExecuteAsync(step, CommandOptions.None, cancellationToken);
            if (result.Error is { } error)
            {
                logger.LogWarning("Demo petition step {Command} on {Petition} refused: {Code}", step.GetType().Name, demo.PetitionId, error.Code);
            }
        }
    }

    /// <summary>A demo account, and its roles granted on the body streams by the system, as an administrator would.</summary>
    private async Task AccountAsync(string username, string displayName, IReadOnlyList<Grant> grants, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await accounts.CreateAsync(username, displayName, options.Value.Password, [], cancellationToken);
        var account = await accounts.FindAsync(username, cancellationToken)
            ?? throw new InvalidOperationException($"The demo account {username} was not created.");
        foreach (var grant in grants)
        {
            await Body(grant.BodyId, new GrantRole(grant.BodyId, account.UserId, account.DisplayName, grant.Role, grant.PersonId, Actor.System, now), cancellationToken);
        }
    }

    private async Task Body(string bodyId, BodyCommand command, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<IBodyGrain>(bodyId).ExecuteAsync(command, CommandOptions.None, cancellationToken);
        if (result.Error is { } error)
        {
            logger.LogWarning("Demo seed step {Command} on {Body} refused: {Code}", command.GetType().Name, bodyId, error.Code);
        }
    }

    private async Task Sitting(Guid sittingId, SittingCommand command, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<ISittingGrain>(sittingId).ExecuteAsync(command, CommandOptions.None, cancellationToken);
        if (result.Error is { } error)
        {
            logger.LogWarning("Demo seed step {Command} on sitting {Sitting} refused: {Code}", command.GetType().Name, sittingId, error.Code);
        }
    }

    private static Guid StableId(Guid scope, string purpose) =>
        DerivedId.Of($"{scope:N}|{purpose}");

    internal static DemoData Load()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("QuestionSessions.Server.Demo.demo-data.json")
            ?? throw new InvalidOperationException("demo-data.json is not embedded.");
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Extensions.ConfigureJson(json);
        return JsonSerializer.Deserialize<DemoData>(stream, json) ?? throw new InvalidOperationException("demo-data.json is empty.");
    }
}
