using System.Runtime.InteropServices;

namespace QuestionSessions.Benchmarks.Machine;

/// <summary>
/// The process's open-file limit (RLIMIT_NOFILE), which child processes inherit. Every viewer costs one
/// descriptor in this process (the real node's end; its client end and the bare hub live in child
/// processes) and one in each child that holds the other ends. The .NET runtime already lifts the soft limit to the hard one at start-up;
/// when that is still too low this raises the hard limit too, which works with CAP_SYS_RESOURCE (root
/// outside a restricted container), the same thing <c>ulimit -n</c> would do in the shell before starting.
/// Re-running under <c>bash -c 'ulimit -n …; exec …'</c> would gain nothing: the shell meets the same hard
/// limit, so the program says plainly what to change instead.
/// </summary>
internal static partial class DescriptorLimit
{
    private const int RlimitNofile = 7; // Linux, x86-64 and arm64

    public static (ulong Soft, ulong Hard)? Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return getrlimit(RlimitNofile, out var limit) == 0 ? (limit.Current, limit.Maximum) : null;
    }

    /// <summary>
    /// Makes sure at least <paramref name="needed"/> descriptors can be open; returns null when they can,
    /// or a message saying what to run instead.
    /// </summary>
    public static string? Ensure(ulong needed)
    {
        if (Current() is not { } current || current.Soft >= needed)
        {
            return null;
        }

        var target = Math.Max(needed, 65_536UL);
        var raised = new RLimit { Current = target, Maximum = Math.Max(target, current.Hard) };
        if (setrlimit(RlimitNofile, in raised) == 0 || (current.Hard >= needed && TrySoft(current.Hard)))
        {
            return null;
        }

        var errno = Marshal.GetLastPInvokeError();
        return $"This run needs about {needed} open files (this process holds one end of every viewer) but the limit is "
            + $"{current.Soft} (hard {current.Hard}) and could not be raised (setrlimit errno {errno}: the hard limit needs CAP_SYS_RESOURCE). "
            + "Raise it where the process starts, e.g. `ulimit -Hn 65536; ulimit -n 65536` as root in the shell, docker run --ulimit nofile=65536:65536, "
            + "or systemd LimitNOFILE=65536; or run fewer viewers with --viewers N (each needs about 1 descriptor here).";
    }

    private static bool TrySoft(ulong hard)
    {
        var soft = new RLimit { Current = hard, Maximum = hard };
        return setrlimit(RlimitNofile, in soft) == 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out RLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, in RLimit limit);
}
