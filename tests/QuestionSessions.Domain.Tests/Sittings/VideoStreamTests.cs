using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class VideoStreamTests
{
    [Theory]
    [InlineData("https://truyenhinhquochoi.vn/live")]
    [InlineData("http://10.0.0.5:8080/hls/phien.m3u8")]
    public void SetVideoStream_with_an_http_address_is_set(string url)
    {
        var s = Scheduled();

        var set = Assert.IsType<VideoStreamSet>(Assert.Single(s.Do(new SetVideoStream($" {url} ", Actors.Secretariat(), s.Now))));

        Assert.Equal(url, set.Url);
        Assert.Equal(url, s.State.VideoUrl);
    }

    [Theory]
    [InlineData("ftp://example.vn/video")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not an address")]
    [InlineData("/live/relative")]
    public void SetVideoStream_with_anything_but_http_is_invalid(string url)
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(new SetVideoStream(url, Actors.Secretariat(), s.Now)), ErrorKind.Invalid, "video_url");
    }

    [Fact]
    public void SetVideoStream_to_nothing_clears_it()
    {
        var s = Scheduled();
        s.Do(new SetVideoStream("https://example.vn/live", Actors.Secretariat(), s.Now));

        var set = Assert.IsType<VideoStreamSet>(Assert.Single(s.Do(new SetVideoStream("  ", Actors.Secretariat(), s.Now))));

        Assert.Null(set.Url);
        Assert.Null(s.State.VideoUrl);
    }

    [Fact]
    public void SetVideoStream_to_the_same_address_is_a_no_op()
    {
        var s = Scheduled();
        s.Do(new SetVideoStream("https://example.vn/live", Actors.Secretariat(), s.Now));

        DecisionAssert.NoOp(s.Try(new SetVideoStream("https://example.vn/live", Actors.Secretariat(), s.Now)));
    }

    [Fact]
    public void SetVideoStream_by_the_chair_is_forbidden()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(new SetVideoStream("https://example.vn/live", Chair, s.Now)), ErrorKind.Forbidden, "role_required");
    }
}
