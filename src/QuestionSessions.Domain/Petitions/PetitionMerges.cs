namespace QuestionSessions.Domain.Petitions;

/// <summary>
/// Merging duplicates takes two commands on two streams, each idempotent: the duplicate is marked merged into
/// the keeper (only while unrouted), and the keeper absorbs the duplicate's sources.
/// </summary>
public sealed partial class PetitionDecider
{
    private static Decision<PetitionEvent> Absorb(AbsorbPetition c, PetitionState state)
    {
        if (Classifier(c, state, "merge petitions") is { } denied)
        {
            return denied;
        }

        if (c.OtherPetitionId == state.PetitionId)
        {
            return Refuse(ErrorKind.Invalid, "merge_itself", "A petition is not merged into itself.");
        }

        if (state.AbsorbedFrom.Contains(c.OtherPetitionId))
        {
            return Decision<PetitionEvent>.Nothing;
        }

        if (state.Status == PetitionStatus.Merged)
        {
            return Refuse(ErrorKind.Conflict, "petition_merged", "This petition was itself merged into another: merge into that one.");
        }

        // A source already held (a chain of merges) is counted once.
        var held = state.Sources.Select(s => s.SourceId).ToHashSet();
        var fresh = c.Sources.Where(s => held.Add(s.SourceId)).Select(s => s.Normalized()).ToList();
        if (state.Sources.Count + fresh.Count > MaxSources)
        {
            return Refuse(ErrorKind.Conflict, "too_many_sources", $"A petition gathers at most {MaxSources} sources.");
        }

        return Decision<PetitionEvent>.Accept(new PetitionAbsorbed(c.OtherPetitionId, fresh, c.Actor.Ref, c.Now));
    }

    private static Decision<PetitionEvent> Merge(MarkMerged c, PetitionState state)
    {
        if (Classifier(c, state, "merge petitions") is { } denied)
        {
            return denied;
        }

        if (c.KeeperId == state.PetitionId)
        {
            return Refuse(ErrorKind.Invalid, "merge_itself", "A petition is not merged into itself.");
        }

        if (state.MergedInto is { } keeper)
        {
            return keeper == c.KeeperId
                ? Decision<PetitionEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "already_merged", "This petition was already merged into another.");
        }

        return state.Routing is not null
            ? Refuse(ErrorKind.Conflict, "already_routed", "Only a petition not yet routed is merged: this one is with an agency.")
            : Decision<PetitionEvent>.Accept(new PetitionMerged(c.KeeperId, c.Actor.Ref, c.Now));
    }
}
