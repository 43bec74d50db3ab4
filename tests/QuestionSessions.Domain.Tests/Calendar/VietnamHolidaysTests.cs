using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Tests.Calendar;

public sealed class VietnamHolidaysTests
{
    [Fact]
    public void Five_working_days_from_the_Friday_before_Tet_2026_skip_the_Tet_week()
    {
        Assert.Equal(new DateOnly(2026, 2, 27), VietnamHolidays.Calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 5));
    }

    [Fact]
    public void Weekends_are_skipped_and_an_ordinary_week_counts_five_days()
    {
        // Friday 6 March 2026 + 5 working days: Friday 13 March.
        Assert.Equal(new DateOnly(2026, 3, 13), VietnamHolidays.Calendar.AddWorkingDays(new DateOnly(2026, 3, 6), 5));
        Assert.False(VietnamHolidays.Calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.False(VietnamHolidays.Calendar.IsWorkingDay(new DateOnly(2026, 3, 8)));
        // Friday 24 April 2026: the observed Hùng Kings' day (27 April), 30 April and 1 May are skipped: Wednesday 6 May.
        Assert.Equal(new DateOnly(2026, 5, 6), VietnamHolidays.Calendar.AddWorkingDays(new DateOnly(2026, 4, 24), 5));
    }

    [Fact]
    public void Every_listed_date_is_a_weekday_off_in_its_year()
    {
        foreach (var (year, days) in VietnamHolidays.ByYear)
        {
            Assert.NotEmpty(days);
            foreach (var day in days)
            {
                Assert.Equal(year, day.Year);
                Assert.NotEqual(DayOfWeek.Saturday, day.DayOfWeek);
                Assert.NotEqual(DayOfWeek.Sunday, day.DayOfWeek);
                Assert.True(VietnamHolidays.Calendar.IsHoliday(day), $"{day} is a holiday");
                Assert.False(VietnamHolidays.Calendar.IsWorkingDay(day), $"{day} is not a working day");
            }
        }
    }

    [Theory]
    [InlineData(2025, 1, 1)]
    [InlineData(2025, 1, 29)]
    [InlineData(2025, 4, 7)]
    [InlineData(2025, 5, 2)]
    [InlineData(2025, 9, 2)]
    [InlineData(2026, 1, 2)]
    [InlineData(2026, 2, 17)]
    [InlineData(2026, 4, 27)]
    [InlineData(2026, 9, 1)]
    public void The_announced_days_off_are_holidays(int year, int month, int day)
    {
        Assert.True(VietnamHolidays.Calendar.IsHoliday(new DateOnly(year, month, day)));
    }

    [Fact]
    public void The_table_knows_2025_and_2026_and_refuses_2027()
    {
        Assert.Equal([2025, 2026], VietnamHolidays.Calendar.Years);
        Assert.False(VietnamHolidays.Calendar.Knows(2027));
        var error = Assert.Throws<UnknownHolidaysException>(() => VietnamHolidays.Calendar.AddWorkingDays(new DateOnly(2026, 12, 28), 5));
        Assert.Equal(2027, error.Year);
    }
}
