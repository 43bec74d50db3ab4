using System.Globalization;
using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// The working calendar the server counts legal deadlines with ("5 working days"): the holiday table of
/// <see cref="VietnamHolidays"/>, with years added or corrected in configuration
/// (<c>Calendar:Holidays:2027 = ["2027-01-01", …]</c>) as the Government announces them. A year in neither
/// is counted with the fixed-date holidays of the Labour Code only (1 January, 30 April, 1 May, 2 September)
/// and logged as provisional at start: a request filed in late December must still get a deadline, and
/// without that year's Tết days it can only fall early, never late, which errs on the requester's side.
/// </summary>
internal sealed class LegalCalendar
{
    private readonly WorkingCalendar _calendar;

    public LegalCalendar(IConfiguration configuration, TimeProvider time, ILogger<LegalCalendar> logger)
    {
        var years = VietnamHolidays.ByYear.ToDictionary(p => p.Key, p => p.Value);
        foreach (var section in configuration.GetSection("Calendar:Holidays").GetChildren())
        {
            if (!int.TryParse(section.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                throw new InvalidOperationException($"Calendar:Holidays:{section.Key} is not a year.");
            }

            years[year] = [.. section.GetChildren().Select(d => DateOnly.ParseExact(d.Value ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture))];
        }

        var thisYear = VietnamTime.Today(time.GetUtcNow()).Year;
        var provisional = new List<int>();
        for (var year = Math.Min(thisYear, years.Keys.DefaultIfEmpty(thisYear).Min()); year <= thisYear + 5; year++)
        {
            if (!years.ContainsKey(year))
            {
                years[year] = [new DateOnly(year, 1, 1), new DateOnly(year, 4, 30), new DateOnly(year, 5, 1), new DateOnly(year, 9, 2)];
                provisional.Add(year);
            }
        }

        Provisional = provisional;
        if (provisional.Count > 0)
        {
            logger.LogWarning("Public holidays are not known for {Years}: working days there are counted with the fixed-date holidays only. Add them under Calendar:Holidays.",
                string.Join(", ", provisional));
        }

        _calendar = new WorkingCalendar(years.Select(p => KeyValuePair.Create(p.Key, p.Value)));
    }

    /// <summary>Years counted with the fixed-date holidays only.</summary>
    public IReadOnlyList<int> Provisional { get; }

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="from"/>; null when the count runs past
    /// the years the calendar holds (more than five years ahead), which no legal deadline does.
    /// </summary>
    public DateOnly? AddWorkingDays(DateOnly from, int days)
    {
        try
        {
            return _calendar.AddWorkingDays(from, days);
        }
        catch (UnknownHolidaysException)
        {
            return null;
        }
    }
}
