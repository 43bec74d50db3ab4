using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class FilePetitionTests
{
    [Fact]
    public void A_petition_from_a_meeting_is_filed_by_a_deputy_of_the_body_with_its_source()
    {
        var filed = Assert.IsType<PetitionFiled>(Assert.Single(Decide(File(), PetitionDecider.Initial).Events));
        Assert.Equal(Code, filed.Code);
        Assert.Equal("u-na-d-001", filed.By?.UserId);

        var state = Filed();
        Assert.Equal(PetitionStatus.Filed, state.Status);
        Assert.Equal(120, state.Supporters);
        Assert.Equal(SourceId, Assert.Single(state.Sources).SourceId);
        Assert.Equal(Now, state.FiledAt);
        Assert.False(state.IsAnswered);
        Assert.Equal("petition", PetitionDecider.Category);
    }

    [Fact]
    public void The_secretariat_the_supervising_committee_and_an_admin_file_from_meetings_and_imports()
    {
        var imported = FromMeeting() with { Channel = SourceChannel.Import, Meeting = null, ImportBatch = Guid.NewGuid() };
        foreach (var actor in (Actor[])[Actors.Secretariat(), Supervisor(), Actors.Admin])
        {
            Assert.Null(Decide(File(by: actor), PetitionDecider.Initial).Error);
            Assert.Null(Decide(File(imported, actor), PetitionDecider.Initial).Error);
        }
    }

    [Fact]
    public void Anyone_else_is_refused_a_meeting_or_an_import_filing()
    {
        var imported = FromMeeting() with { Channel = SourceChannel.Import, Meeting = null, ImportBatch = Guid.NewGuid() };
        foreach (var actor in (Actor[])[Actors.Deputy("pc-d-001", "pc-hue"), Actors.Secretariat("pc-hue"), Actors.Anonymous, Voter, Officer(), Actors.Chair()])
        {
            DecisionAssert.Refused(Decide(File(by: actor), PetitionDecider.Initial), ErrorKind.Forbidden, "role_required");
            DecisionAssert.Refused(Decide(File(imported, actor), PetitionDecider.Initial), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void Anyone_files_online_and_the_filer_is_never_named_in_the_event()
    {
        foreach (var actor in (Actor[])[Actors.Anonymous, Voter, Actors.Deputy("na-d-001")])
        {
            var filed = Assert.IsType<PetitionFiled>(Assert.Single(Decide(File(Online(), actor), PetitionDecider.Initial).Events));
            Assert.Null(filed.By);
            Assert.DoesNotContain("Nguyễn Thị Lan", filed.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Filing_again_is_a_no_op_and_another_filing_under_the_id_is_refused()
    {
        DecisionAssert.NoOp(Decide(File(), Filed()));
        DecisionAssert.Refused(Decide(File(FromMeeting(Guid.NewGuid())), Filed()), ErrorKind.Conflict, "petition_exists");
    }

    [Fact]
    public void Text_is_stored_trimmed()
    {
        var state = Apply(PetitionDecider.Initial, File(FromMeeting(text: "  Cử tri đề nghị sửa đường.  "), title: "  Sửa đường  "));
        Assert.Equal("Sửa đường", state.Title);
        Assert.Equal("Cử tri đề nghị sửa đường.", state.Sources[0].Text);
    }

    [Fact]
    public void Bad_filings_are_refused_before_anything_else()
    {
        DecisionAssert.Refused(Decide(File(id: Guid.Empty), PetitionDecider.Initial), ErrorKind.Invalid, "petition_id");
        DecisionAssert.Refused(Decide(File() with { Code = "" }, PetitionDecider.Initial), ErrorKind.Invalid, "petition_code");
        DecisionAssert.Refused(Decide(File() with { Code = new string('K', PetitionDecider.MaxCode + 1) }, PetitionDecider.Initial), ErrorKind.Invalid, "petition_code");
        DecisionAssert.Refused(Decide(File() with { BodyId = " " }, PetitionDecider.Initial), ErrorKind.Invalid, "body_required");
        DecisionAssert.Refused(Decide(File() with { Field = (PetitionField)99 }, PetitionDecider.Initial), ErrorKind.Invalid, "petition_field");
        DecisionAssert.Refused(Decide(File(title: "\u200b"), PetitionDecider.Initial), ErrorKind.Invalid, "petition_title");
        DecisionAssert.Refused(Decide(File(title: new string('đ', PetitionDecider.MaxTitle + 1)), PetitionDecider.Initial), ErrorKind.Invalid, "petition_title");
        DecisionAssert.Refused(Decide(File() with { Source = null! }, PetitionDecider.Initial), ErrorKind.Invalid, "source_required");

        // Content is checked before permission: an outsider with a bad filing learns what is wrong with it.
        DecisionAssert.Refused(Decide(File(title: "", by: Actors.Anonymous), PetitionDecider.Initial), ErrorKind.Invalid, "petition_title");
    }

    [Theory]
    [InlineData(PetitionField.Land)]
    [InlineData(PetitionField.Environment)]
    [InlineData(PetitionField.Other)]
    public void Every_field_is_accepted(PetitionField field)
    {
        Assert.Equal(field, Apply(PetitionDecider.Initial, File() with { Field = field }).Field);
    }
}
