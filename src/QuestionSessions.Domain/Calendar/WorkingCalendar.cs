using System.Collections.Immutable;

namespace QuestionSessions.Domain.Calendar;

/// <summary>
/// Working days on the Asia/Ho_Chi_Minh calendar: Monday to Friday, less the public holidays of each
/// year. Tết and the Hùng Kings' day move with the lunar calendar and the Government announces the days
/// off each year, so holidays are a table per year, never computed. A year missing from the table is
/// refused rather than guessed: a deadline counted without that year's holidays could fall early.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly ImmutableSortedDictionary<int, ImmutableHashSet<DateOnly>> _holidays;

    public WorkingCalendar(IEnumerable<KeyValuePair<int, IReadOnlyCollection<DateOnly>>> holidaysByYear)
    {
        var table = ImmutableSortedDictionary.CreateBuilder<int, ImmutableHashSet<DateOnly>>();
        foreach (var (year, days) in holidaysByYear)
        {
            if (days.Any(d => d.Year != year))
            {
                throw new ArgumentException($"The holidays listed for {year} must fall in {year}.", nameof(holidaysByYear));
            }

            table[year] = [.. days];
        }

        _holidays = table.ToImmutable();
    }

    /// <summary>The years whose holidays are known.</summary>
    public IEnumerable<int> Years => _holidays.Keys;

    public bool Knows(int year) => _holidays.ContainsKey(year);

    public bool IsHoliday(DateOnly date) => Holidays(date.Year).Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="from"/> (which itself does not
    /// count): 5 working days from a Friday is the next Friday, holidays skipped.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    private ImmutableHashSet<DateOnly> Holidays(int year) =>
        _holidays.TryGetValue(year, out var days)
            ? days
            : throw new UnknownHolidaysException(year);
}

/// <summary>A working-day count reached a year whose holidays are not in the table.</summary>
public sealed class UnknownHolidaysException(int year)
    : InvalidOperationException($"The public holidays of {year} are not in the calendar: add them before counting working days in {year}.")
{
    public int Year { get; } = year;
}
