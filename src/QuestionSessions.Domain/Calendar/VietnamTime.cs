namespace QuestionSessions.Domain.Calendar;

/// <summary>
/// Legal day counts run on the Asia/Ho_Chi_Minh calendar. Vietnam keeps UTC+7 all year (no daylight
/// saving), so a fixed offset is exact and needs no time-zone database on the host.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The date <paramref name="days"/> calendar days after the local date of <paramref name="from"/>.</summary>
    public static DateOnly AddCalendarDays(DateTimeOffset from, int days) => Today(from).AddDays(days);
}
