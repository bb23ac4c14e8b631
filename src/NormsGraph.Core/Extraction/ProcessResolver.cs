using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Core.Extraction;

/// <summary>Picks the round of a process that shares an acronym ("OEWG") from the report's year.</summary>
internal static class ProcessResolver
{
    public static string Choose(IReadOnlyList<string> candidateIds, Taxonomy.Taxonomy taxonomy, DateOnly? date)
    {
        if (candidateIds.Count == 1)
        {
            return candidateIds[0];
        }
        var candidates = candidateIds.Select(id => taxonomy.ProcessesById[id]).ToList();
        if (date is { Year: var year })
        {
            var running = candidates.FirstOrDefault(p => p.FirstYear <= year && year <= p.LastYear);
            if (running is not null)
            {
                return running.Process.Id;
            }
        }
        // Without a date, a generic entry (no years) is safest; else the most recent round.
        return (candidates.FirstOrDefault(p => p.FirstYear is null)
                ?? candidates.OrderByDescending(p => p.LastYear ?? int.MaxValue).First()).Process.Id;
    }
}
