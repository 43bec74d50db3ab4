using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class VideoStreamTests
{
    [Theory]
    [InlineData("https://www.youtube-nocookie.com/embed/abc123")]
    [InlineData("https://player.vimeo.com/video/123456")]
    [InlineData("https://quochoitv.vn/truc-tiep")]
    [InlineData("https://cdn.truyenhinh.example.vn/hls/phien.m3u8")]
    [InlineData("https://video.example.vn/ky-hop/phien-1.MP4?t=30")]
    public void SetVideoStream_with_a_known_player_or_an_https_media_file_is_set(string url)
    {
        var s = Scheduled();

        var set = Assert.IsType<VideoStreamSet>(Assert.Single(s.Do(new SetVideoStream($" {url} ", Actors.Secretariat(), s.Now))));

        Assert.Equal(url, set.Url);
        Assert.Equal(url, s.State.VideoUrl);
    }

    [Theory]
    [InlineData("ftp://example.vn/video")]
    [InlineData("http://quochoitv.vn/truc-tiep")]
    [InlineData("http://10.0.0.5:8080/hls/phien.m3u8")]
    [InlineData("https://user:pass@www.youtube.com/embed/abc")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not an address")]
    [InlineData("/live/relative")]
    public void SetVideoStream_with_anything_but_https_is_invalid(string url)
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(new SetVideoStream(url, Actors.Secretariat(), s.Now)), ErrorKind.Invalid, "video_url");
    }

    [Theory]
    [InlineData("https://evil.example.com/player")]
    [InlineData("https://www.youtube.com.evil.example/embed/abc")]
    [InlineData("https://example.vn/video.mp4.html")]
    public void SetVideoStream_with_a_page_on_an_unknown_host_is_refused_naming_the_allowed_hosts(string url)
    {
        var s = Scheduled();

        var decision = s.Try(new SetVideoStream(url, Actors.Secretariat(), s.Now));

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "video_host_not_allowed");
        var error = decision.Error!;
        Assert.Contains("www.youtube-nocookie.com", error.Message, StringComparison.Ordinal);
        Assert.Contains("player.vimeo.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetVideoStream_checks_the_hosts_the_deployment_allows_instead_of_the_defaults()
    {
        var s = Scheduled();
        string[] hosts = ["tv.hdnd.hanoi.gov.vn"];

        s.Do(new SetVideoStream("https://tv.hdnd.hanoi.gov.vn/phien", Actors.Secretariat(), s.Now, hosts));
        var decision = s.Try(new SetVideoStream("https://www.youtube.com/embed/abc", Actors.Secretariat(), s.Now, hosts));

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "video_host_not_allowed");
        Assert.Equal("https://tv.hdnd.hanoi.gov.vn/phien", s.State.VideoUrl);
        Assert.Contains("tv.hdnd.hanoi.gov.vn", decision.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetVideoStream_to_nothing_clears_it()
    {
        var s = Scheduled();
        s.Do(new SetVideoStream("https://www.youtube.com/embed/phien", Actors.Secretariat(), s.Now));

        var set = Assert.IsType<VideoStreamSet>(Assert.Single(s.Do(new SetVideoStream("  ", Actors.Secretariat(), s.Now))));

        Assert.Null(set.Url);
        Assert.Null(s.State.VideoUrl);
    }

    [Fact]
    public void SetVideoStream_to_the_same_address_is_a_no_op()
    {
        var s = Scheduled();
        s.Do(new SetVideoStream("https://www.youtube.com/embed/phien", Actors.Secretariat(), s.Now));

        DecisionAssert.NoOp(s.Try(new SetVideoStream("https://www.youtube.com/embed/phien", Actors.Secretariat(), s.Now)));
    }

    [Fact]
    public void SetVideoStream_by_the_chair_is_forbidden()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(new SetVideoStream("https://www.youtube.com/embed/phien", Chair, s.Now)), ErrorKind.Forbidden, "role_required");
    }
}
