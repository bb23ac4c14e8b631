using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

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

    /// <summary>
    /// The aliases with a curator's <paramref name="alias"/>. An actor's own name is refused: kept as a curator's alias, it
    /// would come back as an alias beside the name whenever a report mentions the actor.
    /// </summary>
    public static IReadOnlyList<string> WithCuratorAlias(Actor actor, string alias) =>
        string.Equals(actor.Name, alias, StringComparison.OrdinalIgnoreCase)
            ? throw new CurationException($"'{alias}' is the actor's name; an alias is another name it is known by.")
            : Union(actor.Aliases, [alias]);
}
