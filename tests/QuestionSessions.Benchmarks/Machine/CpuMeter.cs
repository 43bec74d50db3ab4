using System.Globalization;

namespace QuestionSessions.Benchmarks.Machine;

/// <summary>
/// CPU time spent by this process and by every local <c>postgres</c> process (the throwaway server the
/// benchmark starts, or any other on this machine), read from /proc. Both sides of an append share the
/// same cores, so CPU per command says which side a slower path spends its time on.
/// </summary>
internal readonly record struct CpuMeter(TimeSpan Client, TimeSpan Database)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux the SDK runs on

    public static CpuMeter Read() => new(ReadProcess("self") ?? TimeSpan.Zero, DatabaseTime());

    public static CpuMeter operator -(CpuMeter later, CpuMeter earlier) =>
        new(later.Client - earlier.Client, later.Database - earlier.Database);

    private static TimeSpan DatabaseTime()
    {
        var total = TimeSpan.Zero;
        if (!OperatingSystem.IsLinux())
        {
            return total;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(dir);
            if (pid.Length == 0 || !char.IsAsciiDigit(pid[0]))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "postgres" && ReadProcess(pid) is { } time)
                {
                    total += time;
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return total;
    }

    private static TimeSpan? ReadProcess(string pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return pid == "self" ? System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime : null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces) start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
