using Microsoft.Data.Sqlite;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>Ids of merged actors resolve to the actor they were merged into (redirects are kept flat: old id to final id).</summary>
internal static class ActorRedirects
{
    /// <summary>SQL for the actor id <paramref name="id"/> (a parameter or a column) now names: itself or the one it was merged into.</summary>
    public static string Resolved(string id) => $"coalesce((SELECT new_id FROM actor_redirects WHERE old_id = {id}), {id})";

    public static async Task<string> ResolveAsync(SqliteConnection connection, SqliteTransaction? transaction, string actorId, CancellationToken cancellationToken)
    {
        var found = await ListAsync(connection, transaction, "SELECT new_id FROM actor_redirects WHERE old_id = $id;", r => r.GetString(0),
            cancellationToken, ("$id", actorId));
        return found.Count == 0 ? actorId : found[0];
    }

    public static async Task<Dictionary<string, string>> ResolveAllAsync(SqliteConnection connection, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var pairs = await ByIdsAsync(connection, ids, "SELECT old_id, new_id FROM actor_redirects WHERE old_id IN ({0});",
            r => (Old: r.GetString(0), New: r.GetString(1)), p => p.Old, cancellationToken, transaction);
        return pairs.ToDictionary(p => p.Key, p => p.Value.New, StringComparer.Ordinal);
    }
}
