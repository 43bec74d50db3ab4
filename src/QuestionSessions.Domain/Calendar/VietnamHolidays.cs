using System.Collections.Immutable;

namespace QuestionSessions.Domain.Calendar;

/// <summary>
/// The public holidays of public employees in Vietnam, year by year: the days of Labour Code 2019 art. 112
/// (New Year, Tết, the Hùng Kings' day, 30 April, 1 May, National Day) as the Government announced them
/// for each year, with its swapped days and the day observed when a holiday falls on a weekend. Only the
/// weekdays given off are listed: weekends are never working days, and a Saturday worked in exchange for a
/// swapped day is ignored (a count never lands early because of it, only a day later at most).
/// The table follows the Government's announcements and must be extended each year before that year's
/// deadlines are counted: a year missing here is refused by <see cref="WorkingCalendar"/>, never guessed.
/// </summary>
public static class VietnamHolidays
{
    /// <summary>The weekdays off, by year.</summary>
    public static IReadOnlyDictionary<int, IReadOnlyCollection<DateOnly>> ByYear { get; } =
        new Dictionary<int, IReadOnlyCollection<DateOnly>>
        {
            [2025] = ImmutableArray.Create(
                new DateOnly(2025, 1, 1),
                // Tết Ất Tỵ: Saturday 25 January to Sunday 2 February.
                new DateOnly(2025, 1, 27), new DateOnly(2025, 1, 28), new DateOnly(2025, 1, 29), new DateOnly(2025, 1, 30), new DateOnly(2025, 1, 31),
                // Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month.
                new DateOnly(2025, 4, 7),
                // 30 April and 1 May, with Friday 2 May swapped for Saturday 26 April.
                new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 2),
                new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 2)),
            [2026] = ImmutableArray.Create(
                // 1 January, with Friday 2 January swapped.
                new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2),
                // Tết Bính Ngọ: Saturday 14 February to Sunday 22 February.
                new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 17), new DateOnly(2026, 2, 18), new DateOnly(2026, 2, 19), new DateOnly(2026, 2, 20),
                // Giỗ Tổ Hùng Vương falls on Sunday 26 April: observed on Monday 27 April.
                new DateOnly(2026, 4, 27),
                new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 1),
                new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)),
        }.ToImmutableSortedDictionary();

    /// <summary>Working days with these holidays: what the edge counts "5 working days" on.</summary>
    public static WorkingCalendar Calendar { get; } = new(ByYear);
}
