using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class MergeTests
{
    private static readonly Guid DuplicateId = Guid.Parse("0b8f4a52-6c1e-4d7a-9f3e-1a2b3c4d5e99");

    private static readonly PetitionSource DuplicateSource = Online(Guid.Parse("0b8f4a52-6c1e-4d7a-9f3e-1a2b3c4d5e98"), supporters: 30);

    private static PetitionState Duplicate() => Apply(PetitionDecider.Initial, File(DuplicateSource, Actors.Anonymous, DuplicateId));

    private static AbsorbPetition AbsorbDuplicate(Actor? by = null, IReadOnlyList<PetitionSource>? sources = null) =>
        new(DuplicateId, sources ?? [DuplicateSource], by ?? Supervisor(), Now.AddHours(2));

    private static MarkMerged MergeIntoKeeper(Guid? keeper = null, Actor? by = null) => new(keeper ?? Id, by ?? Supervisor(), Now.AddHours(2));

    [Fact]
    public void The_keeper_absorbs_the_duplicates_sources_and_its_supporters_add_up()
    {
        var keeper = Apply(Filed(), AbsorbDuplicate());
        Assert.Equal(150, keeper.Supporters);
        Assert.Equal([SourceId, DuplicateSource.SourceId], keeper.Sources.Select(s => s.SourceId));
        Assert.Contains(DuplicateId, keeper.AbsorbedFrom);

        var duplicate = Apply(Duplicate(), MergeIntoKeeper());
        Assert.Equal(PetitionStatus.Merged, duplicate.Status);
        Assert.Equal(Id, duplicate.MergedInto);
        Assert.Equal(30, duplicate.Supporters); // the duplicate's own count stays; figures count the keeper
    }

    [Fact]
    public void Both_halves_of_a_merge_repeat_harmlessly()
    {
        var keeper = Apply(Filed(), AbsorbDuplicate());
        DecisionAssert.NoOp(Decide(AbsorbDuplicate(), keeper));
        var duplicate = Apply(Duplicate(), MergeIntoKeeper());
        DecisionAssert.NoOp(Decide(MergeIntoKeeper(), duplicate));
        DecisionAssert.Refused(Decide(MergeIntoKeeper(Guid.NewGuid()), duplicate), ErrorKind.Conflict, "already_merged");
    }

    [Fact]
    public void A_source_already_held_through_a_chain_of_merges_is_counted_once()
    {
        var keeper = Apply(Filed(), AbsorbDuplicate());
        var another = new AbsorbPetition(Guid.NewGuid(), [DuplicateSource, FromMeeting(Guid.NewGuid(), 5), FromMeeting(SourceId)], Supervisor(), Now.AddHours(3));
        var absorbed = Assert.IsType<PetitionAbsorbed>(Assert.Single(Decide(another, keeper).Events));
        Assert.Single(absorbed.Sources);
        Assert.Equal(155, Apply(keeper, another).Supporters);
    }

    [Fact]
    public void A_merged_duplicate_cannot_be_routed_and_cannot_absorb()
    {
        var duplicate = Apply(Duplicate(), MergeIntoKeeper());
        DecisionAssert.Refused(Decide(Route(), duplicate), ErrorKind.Conflict, "petition_merged");
        DecisionAssert.Refused(
            Decide(new AbsorbPetition(Guid.NewGuid(), [FromMeeting(Guid.NewGuid())], Supervisor(), Now.AddHours(3)), duplicate),
            ErrorKind.Conflict, "petition_merged");
        DecisionAssert.Refused(Decide(AnswerWith(PetitionOutcome.Resolved, Now.AddDays(2)), duplicate), ErrorKind.Conflict, "not_routed");
        Assert.Empty(PetitionMilestones.Due(duplicate, Now.AddYears(1)));
    }

    [Fact]
    public void Only_an_unrouted_petition_is_merged_and_never_into_itself()
    {
        DecisionAssert.Refused(Decide(MergeIntoKeeper(DuplicateId), Routed()), ErrorKind.Conflict, "already_routed");
        DecisionAssert.Refused(Decide(MergeIntoKeeper(DuplicateId), Answered()), ErrorKind.Conflict, "already_routed");
        DecisionAssert.Refused(Decide(MergeIntoKeeper(DuplicateId), Duplicate()), ErrorKind.Invalid, "merge_itself");
        DecisionAssert.Refused(Decide(new AbsorbPetition(Id, [FromMeeting()], Supervisor(), Now), Filed()), ErrorKind.Invalid, "merge_itself");
    }

    [Fact]
    public void A_routed_or_answered_keeper_still_absorbs_later_duplicates()
    {
        Assert.Equal(150, Apply(Routed(), AbsorbDuplicate()).Supporters);
        Assert.Equal(150, Apply(Answered(), AbsorbDuplicate()).Supporters);
    }

    [Fact]
    public void Only_the_classifying_staff_of_the_body_merge()
    {
        Assert.Null(Decide(AbsorbDuplicate(Actors.Secretariat()), Filed()).Error);
        Assert.Null(Decide(MergeIntoKeeper(by: Actors.Admin), Duplicate()).Error);
        foreach (var actor in (Actor[])[Actors.Deputy("na-d-001"), Supervisor("pc-hue"), Actors.Anonymous, Voter, Officer()])
        {
            DecisionAssert.Refused(Decide(AbsorbDuplicate(actor), Filed()), ErrorKind.Forbidden, "role_required");
            DecisionAssert.Refused(Decide(MergeIntoKeeper(by: actor), Duplicate()), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void Bad_merges_are_refused()
    {
        DecisionAssert.Refused(Decide(AbsorbDuplicate(sources: []), Filed()), ErrorKind.Invalid, "sources_required");
        DecisionAssert.Refused(Decide(AbsorbDuplicate() with { OtherPetitionId = Guid.Empty }, Filed()), ErrorKind.Invalid, "petition_id");
        DecisionAssert.Refused(Decide(AbsorbDuplicate(sources: [FromMeeting(supporters: 0)]), Filed()), ErrorKind.Invalid, "supporters");
        DecisionAssert.Refused(Decide(MergeIntoKeeper(Guid.Empty), Duplicate()), ErrorKind.Invalid, "keeper_required");
        DecisionAssert.Refused(Decide(MergeIntoKeeper(), PetitionDecider.Initial), ErrorKind.NotFound, "petition_not_found");

        var tooMany = Enumerable.Range(0, PetitionDecider.MaxSources + 1).Select(_ => Online()).ToList();
        DecisionAssert.Refused(Decide(AbsorbDuplicate(sources: tooMany), Filed()), ErrorKind.Invalid, "too_many_sources");

        // The keeper's own source and 999 absorbed fill it; one more is refused.
        var full = Apply(Filed(), AbsorbDuplicate(sources: [.. tooMany.Take(PetitionDecider.MaxSources - 1)]));
        Assert.Equal(PetitionDecider.MaxSources, full.Sources.Count);
        DecisionAssert.Refused(
            Decide(new AbsorbPetition(Guid.NewGuid(), [Online()], Supervisor(), Now.AddHours(3)), full), ErrorKind.Conflict, "too_many_sources");
    }
}
