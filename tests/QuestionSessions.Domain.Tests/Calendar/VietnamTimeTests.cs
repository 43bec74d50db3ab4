using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Tests.Calendar;

public sealed class VietnamTimeTests
{
    [Fact]
    public void Today_before_17_utc_is_the_same_date()
    {
        Assert.Equal(new DateOnly(2026, 11, 20), VietnamTime.Today(new DateTimeOffset(2026, 11, 20, 16, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Today_from_17_utc_is_the_next_date()
    {
        Assert.Equal(new DateOnly(2026, 11, 21), VietnamTime.Today(new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 21), VietnamTime.Today(new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Today_ignores_the_offset_the_instant_was_written_in()
    {
        // 23:30 on 20 November in Paris (UTC+1) is 05:30 on 21 November in Hà Nội.
        Assert.Equal(new DateOnly(2026, 11, 21), VietnamTime.Today(new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.FromHours(1))));
    }

    [Fact]
    public void AddCalendarDays_counts_from_the_vietnam_date()
    {
        Assert.Equal(new DateOnly(2026, 12, 11), VietnamTime.AddCalendarDays(new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.Zero), 20));
        Assert.Equal(new DateOnly(2026, 12, 10), VietnamTime.AddCalendarDays(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), 20));
    }

    [Fact]
    public void AddCalendarDays_crosses_the_year_and_a_leap_day()
    {
        Assert.Equal(new DateOnly(2028, 1, 4), VietnamTime.AddCalendarDays(new DateTimeOffset(2027, 12, 15, 3, 0, 0, TimeSpan.Zero), 20));
        Assert.Equal(new DateOnly(2028, 3, 1), VietnamTime.AddCalendarDays(new DateTimeOffset(2028, 2, 9, 3, 0, 0, TimeSpan.Zero), 21));
    }
}
