namespace NormsGraph.Storage;

/// <summary>
/// How both stores combine aliases: in order, each once whatever its case (as alias curation and merges compare them),
/// so an actor's stored aliases are the ones ingestion or the taxonomy gave it followed by the curators' own.
/// </summary>
internal static class ActorAliases
{
    public static IReadOnlyList<string> Union(IReadOnlyList<string> aliases, IEnumerable<string> more)
    {
        var kept = new List<string>(aliases);
        foreach (var alias in more)
        {
            if (!kept.Any(k => string.Equals(k, alias, StringComparison.OrdinalIgnoreCase)))
            {
                kept.Add(alias);
            }
        }
        return kept;
    }
}
