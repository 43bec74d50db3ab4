namespace QuestionSessions.Cli.Verify;

/// <summary>A one-line progress bar on standard error, redrawn in place; plain lines when not a terminal.</summary>
internal sealed class ProgressBar(TextWriter writer, int total, string label)
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _done;
    private int _lastPercent = -1;

    public void Advance()
    {
        _done++;
        var percent = total == 0 ? 100 : _done * 100 / total;
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * Width / 100;
        var bar = $"{label} [{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{total}";
        if (_interactive)
        {
            writer.Write($"\r{bar}");
        }
        else if (percent % 25 == 0)
        {
            writer.WriteLine(bar);
        }
    }

    public void Done()
    {
        if (_interactive && total > 0)
        {
            writer.WriteLine();
        }
    }
}
