using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    // Tết 2027 as an example table: 4–10 February 2027 off.
    private static readonly WorkingCalendar Calendar = new([
        new KeyValuePair<int, IReadOnlyCollection<DateOnly>>(2027, [.. Enumerable.Range(4, 7).Select(d => new DateOnly(2027, 2, d)), new DateOnly(2027, 1, 1)]),
    ]);

    [Fact]
    public void Weekends_and_the_years_holidays_are_skipped()
    {
        // Wednesday 3 February 2027 + 5 working days: Tết week off, so Wednesday 17 February.
        Assert.Equal(new DateOnly(2027, 2, 17), Calendar.AddWorkingDays(new DateOnly(2027, 2, 3), 5));
        Assert.Equal(new DateOnly(2027, 1, 8), Calendar.AddWorkingDays(new DateOnly(2027, 1, 1), 5));
        Assert.Equal(5, Calendar.WorkingDaysBetween(new DateOnly(2027, 2, 3), new DateOnly(2027, 2, 17)));
    }

    [Fact]
    public void A_year_without_its_holidays_is_refused_not_guessed()
    {
        var error = Assert.Throws<UnknownHolidaysException>(() => Calendar.AddWorkingDays(new DateOnly(2027, 12, 28), 5));
        Assert.Equal(2028, error.Year);
    }
}
