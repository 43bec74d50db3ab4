using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// One node for a class of tests of how the web app is served: a web root of its own
/// (<see cref="WebAppTests.CreateRoot"/>) and two video hosts allowed in frames.
/// </summary>
public sealed class WebAppNode : SharedSqliteNode
{
    private readonly DirectoryInfo _root = WebAppTests.CreateRoot();

    private protected override string[] ExtraArguments =>
        [$"--Web:Root={_root.FullName}", "--Video:AllowedHosts:0=www.youtube-nocookie.com", "--Video:AllowedHosts:1=TV.HDND.HANOI.GOV.VN"];

    private protected override void CleanUp() => _root.Delete(recursive: true);
}
