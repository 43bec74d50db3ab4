using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class EvidenceTests
{
    private static readonly EvidenceLink Petition = new(EvidenceKind.Petition, Guid.Parse("5a7c0000-0000-4000-8000-000000000001"));

    private static readonly EvidenceLink Commitment = new(EvidenceKind.Commitment, Guid.Parse("5a7c0000-0000-4000-8000-000000000002"));

    private static LinkEvidence Link(IReadOnlyList<EvidenceLink> links, Actor? by = null) => new(links, by ?? Supervisor(), Now.AddDays(1));

    [Fact]
    public void Petitions_and_commitments_are_linked_once_each_and_only_new_links_are_recorded()
    {
        var linked = Apply(Decided(), Link([Petition]));
        Assert.Equal([Petition], linked.Evidence);

        var again = SupervisionDecider.Decide(Link([Petition, Commitment, Commitment]), linked);
        Assert.Equal([Commitment], Assert.IsType<SupervisionEvidenceLinked>(Assert.Single(again.Events)).Links);
        DecisionAssert.NoOp(SupervisionDecider.Decide(Link([Petition]), linked));
    }

    [Fact]
    public void Unlinking_needs_a_reason_and_unlinking_what_is_not_linked_changes_nothing()
    {
        var linked = Apply(Decided(), Link([Petition, Commitment]));
        var unlink = new UnlinkEvidence(Petition, "Kiến nghị đã được chuyển sang chuyên đề khác.", Supervisor(), Now.AddDays(2));
        var unlinked = Apply(linked, unlink);
        Assert.Equal([Commitment], unlinked.Evidence);
        DecisionAssert.NoOp(SupervisionDecider.Decide(unlink, unlinked));
        DecisionAssert.Refused(SupervisionDecider.Decide(unlink with { Reason = " " }, linked), ErrorKind.Invalid, "reason_required");
        DecisionAssert.Refused(SupervisionDecider.Decide(unlink with { Link = Petition with { Id = Guid.Empty } }, linked), ErrorKind.Invalid, "evidence_links");
    }

    [Fact]
    public void A_command_links_one_to_five_hundred_real_ids_and_a_topic_holds_five_hundred()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Link([]), Decided()), ErrorKind.Invalid, "evidence_links");
        DecisionAssert.Refused(SupervisionDecider.Decide(Link([Petition with { Id = Guid.Empty }]), Decided()), ErrorKind.Invalid, "evidence_links");
        DecisionAssert.Refused(SupervisionDecider.Decide(Link([new EvidenceLink((EvidenceKind)7, Guid.NewGuid())]), Decided()), ErrorKind.Invalid, "evidence_links");
        var many = Enumerable.Range(0, SupervisionDecider.MaxEvidence + 1).Select(_ => new EvidenceLink(EvidenceKind.Petition, Guid.NewGuid())).ToList();
        DecisionAssert.Refused(SupervisionDecider.Decide(Link(many), Decided()), ErrorKind.Invalid, "evidence_links");

        var full = Apply(Decided(), Link(many[..SupervisionDecider.MaxEvidence]));
        DecisionAssert.Refused(SupervisionDecider.Decide(Link([Commitment]), full), ErrorKind.Conflict, "too_much_evidence");
        DecisionAssert.NoOp(SupervisionDecider.Decide(Link([many[0]]), full));
    }

    [Fact]
    public void Evidence_is_linked_at_any_stage_until_the_topic_is_closed()
    {
        Assert.Null(SupervisionDecider.Decide(Link([Petition]), Resolved()).Error);
        DecisionAssert.Refused(SupervisionDecider.Decide(Link([Petition]), Closed()), ErrorKind.Conflict, "topic_closed");
        var closed = Apply(Apply(Resolved(), Link([Petition])), new CloseTopic("Đã giám sát xong.", Actors.Chair(Body), On(new DateOnly(2027, 1, 20))));
        DecisionAssert.Refused(
            SupervisionDecider.Decide(new UnlinkEvidence(Petition, "Nhầm", Supervisor(), On(new DateOnly(2027, 1, 21))), closed), ErrorKind.Conflict, "topic_closed");
        DecisionAssert.NoOp(SupervisionDecider.Decide(Link([Petition]), closed));
    }

    [Fact]
    public void Only_the_supervising_committee_the_secretariat_or_an_admin_links_evidence()
    {
        Assert.Null(SupervisionDecider.Decide(Link([Petition], Actors.Secretariat(Body)), Decided()).Error);
        Assert.Null(SupervisionDecider.Decide(Link([Petition], Actors.Admin), Decided()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor("pc-hue"), Actors.Chair("na")])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Link([Petition], actor), Decided()), ErrorKind.Forbidden, "role_required");
            DecisionAssert.Refused(
                SupervisionDecider.Decide(new UnlinkEvidence(Petition, "Nhầm", actor, Now), Apply(Decided(), Link([Petition]))), ErrorKind.Forbidden, "role_required");
        }
    }
}
