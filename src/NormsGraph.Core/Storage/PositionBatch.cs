namespace NormsGraph.Core.Storage;

/// <summary>
/// What both stores do alike for <see cref="IGraphStore.FindPositionPagesAsync"/>: check the filter, and put the pages
/// together from rows and totals numbered by the asked id's place.
/// </summary>
public static class PositionBatch
{
    /// <summary>The distinct ids asked for, in order; throws when <paramref name="filter"/> breaks the batch's contract.</summary>
    public static List<string> Asked(PositionAnchor anchor, IReadOnlyCollection<string> ids, PositionQuery filter)
    {
        if (filter.After is not null)
        {
            throw new ArgumentException("A batch of position pages starts at the first page; a later page is FindPositionsAsync's.", nameof(filter));
        }
        var own = anchor switch { PositionAnchor.Actor => filter.ActorId, PositionAnchor.Target => filter.TargetId, _ => filter.ReportId };
        if (own is not null)
        {
            throw new ArgumentException($"The filter of a batch by {anchor} names no {anchor} of its own.", nameof(filter));
        }
        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A page for every asked id: its rows (up to <paramref name="first"/> + 1, as <see cref="PositionPage.From"/> takes
    /// them) and its total, both keyed by the id's place in <paramref name="asked"/>; none is an empty page.
    /// </summary>
    public static IReadOnlyDictionary<string, PositionPage> Pages(IReadOnlyList<string> asked, ILookup<int, PositionRecord> rows,
        IReadOnlyDictionary<int, int> totals, int first)
    {
        var result = new Dictionary<string, PositionPage>(StringComparer.Ordinal);
        for (var i = 0; i < asked.Count; i++)
        {
            result[asked[i]] = PositionPage.From([.. rows[i]], first, totals.GetValueOrDefault(i));
        }
        return result;
    }
}
