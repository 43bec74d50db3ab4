namespace QuestionSessions.Domain.Calendar;

/// <summary>
/// Legal day counts run on the Asia/Ho_Chi_Minh calendar. Vietnam keeps UTC+7 all year (no daylight
/// saving), so a fixed offset is exact and needs no time-zone database on the host.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The first year a sitting, deadline or filing may fall in: nothing here predates the system's law.</summary>
    public const int MinYear = 2000;

    /// <summary>The last year a date may fall in; far enough for any term, and far from the calendar's end.</summary>
    public const int MaxYear = 2200;

    private static readonly DateTimeOffset First = new(MinYear, 1, 1, 0, 0, 0, Offset);
    private static readonly DateTimeOffset AfterLast = new(MaxYear + 1, 1, 1, 0, 0, 0, Offset);

    /// <summary>
    /// True when the instant's local day is in <see cref="MinYear"/>..<see cref="MaxYear"/>. Checked before any
    /// conversion: an instant at the calendar's end (9999-12-31T23:59:59Z) has no local time at UTC+7.
    /// </summary>
    public static bool IsInRange(DateTimeOffset instant) => instant >= First && instant < AfterLast;

    /// <summary>True when the day is in <see cref="MinYear"/>..<see cref="MaxYear"/>.</summary>
    public static bool IsInRange(DateOnly day) => day.Year is >= MinYear and <= MaxYear;

    public static DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The date <paramref name="days"/> calendar days after the local date of <paramref name="from"/>.</summary>
    public static DateOnly AddCalendarDays(DateTimeOffset from, int days) => Today(from).AddDays(days);
}
