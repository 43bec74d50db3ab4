using QuestionSessions.Domain.Places;
using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class PetitionSourceTests
{
    private static void Refused(PetitionSource source, string code) =>
        DecisionAssert.Refused(Decide(File(source), PetitionDecider.Initial), ErrorKind.Invalid, code);

    private static void Refused(ContactMeeting meeting, string code) => Refused(FromMeeting() with { Meeting = meeting }, code);

    [Fact]
    public void A_meeting_source_names_its_meeting_and_other_channels_none()
    {
        Refused(FromMeeting() with { Meeting = null }, "meeting_required");
        Refused(Online() with { Meeting = Meeting }, "meeting_not_expected");
        Refused(FromMeeting() with { Channel = SourceChannel.Import, ImportBatch = Guid.NewGuid() }, "meeting_not_expected");
        Refused(FromMeeting() with { Channel = (SourceChannel)7 }, "source_channel");
    }

    [Fact]
    public void An_import_names_its_batch_and_nothing_else_does()
    {
        Refused(FromMeeting() with { Channel = SourceChannel.Import, Meeting = null }, "import_batch_required");
        Refused(FromMeeting() with { ImportBatch = Guid.NewGuid() }, "import_batch_not_expected");
        Refused(FromMeeting() with { Channel = SourceChannel.Import, Meeting = null, ImportBatch = Guid.Empty }, "source_id");
    }

    [Fact]
    public void Supporters_run_from_one_to_a_million()
    {
        Refused(FromMeeting(supporters: 0), "supporters");
        Refused(FromMeeting(supporters: PetitionSource.MaxSupporters + 1), "supporters");
        Assert.Equal(PetitionSource.MaxSupporters, Apply(PetitionDecider.Initial, File(FromMeeting(supporters: PetitionSource.MaxSupporters))).Supporters);
    }

    [Fact]
    public void The_text_ids_and_locality_are_checked()
    {
        Refused(FromMeeting(text: " \u200c "), "petition_text");
        Refused(FromMeeting(text: new string('a', PetitionSource.MaxText + 1)), "petition_text");
        Assert.Null(Decide(File(FromMeeting(text: new string('a', PetitionSource.MaxText))), PetitionDecider.Initial).Error);
        Refused(FromMeeting(Guid.Empty), "source_id");
        Refused(Online() with { SubmitterId = Guid.Empty }, "source_id");
        Refused(FromMeeting() with { Locality = new Locality("ha-tay") }, "source_locality");
        Refused(FromMeeting() with { Locality = new Locality("hue", new string('x', Locality.MaxCommune + 1)) }, "source_locality");
        Refused(FromMeeting() with { Locality = null! }, "source_locality");
    }

    [Fact]
    public void A_meeting_has_been_held_by_now_in_Hanoi()
    {
        // 10:00 on 1 December in Hanoi: a meeting that day is fine, the next day is not yet.
        Assert.Null(Decide(File(FromMeeting() with { Meeting = Meeting with { Date = Today } }), PetitionDecider.Initial).Error);
        Refused(Meeting with { Date = Today.AddDays(1) }, "meeting_in_future");

        // 23:30 UTC on 30 November is already 1 December in Hanoi.
        var lateNight = File(FromMeeting() with { Meeting = Meeting with { Date = Today } }) with { Now = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero) };
        Assert.Null(Decide(lateNight, PetitionDecider.Initial).Error);
    }

    [Fact]
    public void A_meeting_is_checked_whole()
    {
        Refused(Meeting with { MeetingId = Guid.Empty }, "meeting_id");
        Refused(Meeting with { Timing = (MeetingTiming)5 }, "meeting_timing");
        Refused(Meeting with { Session = 0 }, "meeting_session");
        Refused(Meeting with { Timing = MeetingTiming.Thematic }, "meeting_session");
        Assert.Null(Decide(File(FromMeeting() with { Meeting = Meeting with { Timing = MeetingTiming.Thematic, Session = null } }), PetitionDecider.Initial).Error);
        Refused(Meeting with { Locality = new Locality("sai-gon") }, "meeting_locality");
        Refused(Meeting with { HeldBy = [.. Enumerable.Range(1, ContactMeeting.MaxHeldBy + 1).Select(i => $"na-d-{i:000}")] }, "meeting_held_by");
        Refused(Meeting with { HeldBy = ["na-d-001", " "] }, "meeting_held_by");
        Refused(Meeting with { HeldBy = [new string('d', ContactMeeting.MaxMemberId + 1)] }, "meeting_held_by");
    }

    [Fact]
    public void A_meeting_with_nobody_named_or_twenty_deputies_is_kept_each_member_once()
    {
        Assert.Null(Decide(File(FromMeeting() with { Meeting = Meeting with { HeldBy = [] } }), PetitionDecider.Initial).Error);
        var held = Apply(PetitionDecider.Initial, File(FromMeeting() with { Meeting = Meeting with { HeldBy = [" na-d-001", "na-d-001", "na-d-003 "] } }));
        Assert.Equal(["na-d-001", "na-d-003"], held.Sources[0].Meeting!.HeldBy);
        var twenty = Meeting with { HeldBy = [.. Enumerable.Range(1, ContactMeeting.MaxHeldBy).Select(i => $"na-d-{i:000}")] };
        Assert.Null(Decide(File(FromMeeting() with { Meeting = twenty }), PetitionDecider.Initial).Error);
    }
}
