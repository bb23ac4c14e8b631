using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Curators' decisions about an actor (<c>actor_edits</c>): the type they set and the aliases they gave it, added one by
/// one or moved onto it by a merge. They are kept apart from what ingestion and the taxonomy say and laid over it on every
/// write of the actor, so neither a report that mentions the actor again nor a new taxonomy undoes them, as
/// <c>statement_edits</c> does for statements.
/// </summary>
internal static class ActorEdits
{
    /// <summary>The actor as it is stored: the curated type if any, else the incoming one; the incoming aliases, then the curators'.</summary>
    public static async Task<Actor> OverAsync(SqliteConnection connection, SqliteTransaction transaction, Actor incoming, CancellationToken cancellationToken)
    {
        var edits = await ListAsync(connection, transaction, "SELECT type, aliases FROM actor_edits WHERE actor_id = $id;",
            r => (Type: NullableString(r, 0), Aliases: ParseAliases(r.GetString(1))), cancellationToken, ("$id", incoming.Id));
        if (edits is not [var edit])
        {
            return incoming;
        }
        return incoming with
        {
            Type = edit.Type is null ? incoming.Type : EnumNames.Parse<ActorType>(edit.Type),
            Aliases = ActorAliases.Union(incoming.Aliases, edit.Aliases),
        };
    }

    public static Task SetTypeAsync(SqliteConnection connection, SqliteTransaction transaction, string actorId, ActorType type,
        CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            "INSERT INTO actor_edits (actor_id, type, aliases) VALUES ($id, $type, '[]') ON CONFLICT (actor_id) DO UPDATE SET type = $type;",
            cancellationToken, ("$id", actorId), ("$type", EnumNames.ToSnakeCase(type)));

    public static async Task AddAliasesAsync(SqliteConnection connection, SqliteTransaction transaction, string actorId, IEnumerable<string> aliases,
        CancellationToken cancellationToken)
    {
        var stored = await ListAsync(connection, transaction, "SELECT aliases FROM actor_edits WHERE actor_id = $id;",
            r => ParseAliases(r.GetString(0)), cancellationToken, ("$id", actorId));
        var kept = ActorAliases.Union(stored.FirstOrDefault() ?? [], aliases);
        await ExecuteAsync(connection, transaction,
            "INSERT INTO actor_edits (actor_id, aliases) VALUES ($id, $aliases) ON CONFLICT (actor_id) DO UPDATE SET aliases = $aliases;",
            cancellationToken, ("$id", actorId), ("$aliases", Aliases(kept)));
    }

    public static Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string actorId, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "DELETE FROM actor_edits WHERE actor_id = $id;", cancellationToken, ("$id", actorId));

    /// <summary>
    /// For a file older than version 5, whose curators' actor changes are only in the actors table (until a report or taxonomy
    /// overwrote them) and in the audit log: the log says what they decided. A merge's log entry does not say which aliases it
    /// moved, so every alias its survivor holds now is kept as a curator's.
    /// </summary>
    public static async Task RecoverFromAuditLogAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var (setType, addAlias, merge) = (EnumNames.ToSnakeCase(CurationAction.SetActorType), EnumNames.ToSnakeCase(CurationAction.AddAlias),
            EnumNames.ToSnakeCase(CurationAction.MergeActors));
        var entries = await ListAsync(connection, transaction,
            "SELECT action, subject, before, after FROM audit_log WHERE action IN ($setType, $addAlias, $merge) ORDER BY seq;",
            r => (Action: r.GetString(0), Subject: r.GetString(1), Before: NullableString(r, 2), After: NullableString(r, 3)), cancellationToken,
            ("$setType", setType), ("$addAlias", addAlias), ("$merge", merge));
        var survivors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var actorId = await ActorRedirects.ResolveAsync(connection, transaction, entry.Subject, cancellationToken);
            if (entry.Action == setType && EnumNames.TryParse<ActorType>(entry.After ?? "", out var type))
            {
                await SetTypeAsync(connection, transaction, actorId, type, cancellationToken);
            }
            else if (entry.Action == addAlias)
            {
                var before = ParseAliases(entry.Before);
                var added = ParseAliases(entry.After).Where(a => !before.Any(b => string.Equals(a, b, StringComparison.OrdinalIgnoreCase)));
                await AddAliasesAsync(connection, transaction, actorId, added, cancellationToken);
            }
            else if (entry.Action == merge)
            {
                survivors.Add(actorId);
            }
        }
        foreach (var survivor in survivors.Order(StringComparer.Ordinal))
        {
            var aliases = await ListAsync(connection, transaction, "SELECT aliases FROM actors WHERE id = $id;", r => ParseAliases(r.GetString(0)),
                cancellationToken, ("$id", survivor));
            await AddAliasesAsync(connection, transaction, survivor, aliases.FirstOrDefault() ?? [], cancellationToken);
        }
    }

    private static List<string> ParseAliases(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
