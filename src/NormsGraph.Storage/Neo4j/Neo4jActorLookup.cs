using NormsGraph.Core.Domain;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// Actor ids as the embedded store's <c>ActorRedirects</c> answers them: a merged actor's old id stands for the actor
/// it was merged into, in lookups by id and in every read filtered by an actor.
/// </summary>
internal static class Neo4jActorLookup
{
    /// <summary>Actors by id, keyed by the id asked for (an old id maps to the actor it now resolves to).</summary>
    public static async Task<Dictionary<string, Actor>> GetAsync(Neo4jQueryClient client, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Actor>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }
        var rows = await client.RunAsync(Neo4jQueries.GetActors.With(("ids", ids.Distinct(StringComparer.Ordinal).ToList())), cancellationToken);
        foreach (var r in rows.Records)
        {
            result[r.GetString("requested")] = new Actor(r.GetString("id"), r.GetString("name"), EnumNames.Parse<ActorType>(r.GetString("type")),
                r.GetStringList("aliases"), r.GetBoolean("curated"));
        }
        return result;
    }

    /// <summary>The id <paramref name="actorId"/> stands for now; null stays null (no filter) and costs no request.</summary>
    public static async Task<string?> ResolveAsync(Neo4jQueryClient client, string? actorId, CancellationToken cancellationToken) =>
        actorId is null ? null
            : (await client.RunAsync(Neo4jQueries.ResolveActor.With(("actorId", actorId)), cancellationToken)).Single().GetString("actorId");
}
