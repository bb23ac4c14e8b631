using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// Periods as both stores key them, a report date cut to <c>yyyy</c> or <c>yyyy-MM</c> (timelines, statistics), and which
/// of them a date range keeps.
/// </summary>
public static class PeriodKeys
{
    /// <summary>How many characters of a <c>yyyy-MM-dd</c> date make its period.</summary>
    public static int Length(TimelineGranularity granularity) => granularity == TimelineGranularity.Year ? 4 : 7;

    /// <summary>
    /// The periods (<c>yyyy</c> or <c>yyyy-MM</c>) that overlap [<paramref name="from"/>, <paramref name="to"/>]: as text,
    /// a period compares with a date cut to its length.
    /// </summary>
    public static IReadOnlyList<PeriodActivity> Within(IEnumerable<PeriodActivity> periods, TimelineGranularity granularity, DateOnly? from, DateOnly? to)
    {
        var length = Length(granularity);
        string? Cut(DateOnly? date) => IsoDate.Text(date)?[..length];
        var (first, last) = (Cut(from), Cut(to));
        return [.. periods.Where(p => (first is null || string.CompareOrdinal(p.Period, first) >= 0) && (last is null || string.CompareOrdinal(p.Period, last) <= 0))];
    }
}
