using System.Globalization;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Curation changes and their audit trail, each change and its record in the caller's one transaction.
/// Statement edits are kept by statement id (like statuses) so a re-ingested statement takes them again;
/// a merged actor leaves a redirect so its old id keeps answering. An actor's curated type and aliases are kept by actor id
/// (<see cref="ActorEdits"/>) beside the values they change, so a later report or taxonomy cannot undo them.
/// </summary>
internal static class EmbeddedCuration
{
    public static async Task<AuditEntry?> CurateAsync(SqliteConnection connection, SqliteTransaction transaction, CurationRequest request, string who,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.OnActor)
        {
            request = request.OnSurvivor(await ActorRedirects.ResolveAsync(connection, transaction, request.Subject, cancellationToken));
        }
        var change = request.Action switch
        {
            CurationAction.ConfirmStatement => await SetStatusAsync(connection, transaction, request.Subject, StatementStatus.Confirmed, now, cancellationToken),
            CurationAction.RejectStatement => await SetStatusAsync(connection, transaction, request.Subject, StatementStatus.Rejected, now, cancellationToken),
            CurationAction.SetStance => await SetStanceAsync(connection, transaction, request.Subject, Required(request), cancellationToken),
            CurationAction.SetTarget => await SetTargetAsync(connection, transaction, request.Subject, Required(request), cancellationToken),
            CurationAction.MergeActors => await MergeActorsAsync(connection, transaction, request.Subject, Required(request), cancellationToken),
            CurationAction.AddAlias => await AddAliasAsync(connection, transaction, request.Subject, Required(request), cancellationToken),
            CurationAction.SetActorType => await SetActorTypeAsync(connection, transaction, request.Subject, Required(request), cancellationToken),
            _ => throw new CurationException($"Unknown curation action {request.Action}."),
        };
        if (change is not { } made)
        {
            return null;
        }
        return await RecordAsync(connection, transaction, now, who, request.Action, request.Subject, made.Before, made.After, cancellationToken);
    }

    /// <summary>Appends one entry to the audit log, in the caller's transaction, so it commits with the change it records.</summary>
    public static async Task<AuditEntry> RecordAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, string who,
        CurationAction action, string subject, string? before, string? after, CancellationToken cancellationToken)
    {
        var at = now.ToString("O", CultureInfo.InvariantCulture);
        var sequence = await ScalarAsync(connection, transaction,
            "INSERT INTO audit_log (at, who, action, subject, before, after) VALUES ($at, $who, $action, $subject, $before, $after) RETURNING seq;",
            cancellationToken, ("$at", at), ("$who", who), ("$action", EnumNames.ToSnakeCase(action)), ("$subject", subject),
            ("$before", before), ("$after", after));
        return new AuditEntry(sequence, DateTimeOffset.Parse(at, CultureInfo.InvariantCulture), who, action, subject, before, after);
    }

    public static async Task<Page<AuditEntry>> AuditLogAsync(SqliteConnection connection, string? subject, int first, string? after,
        CancellationToken cancellationToken)
    {
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var afterSequence = after is null ? 0
            : long.TryParse(PageCursor.Decode("audit", after, 1)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq
            : throw new ArgumentException($"'{after}' is not a valid cursor for this list.", nameof(after));
        // A merge changes the survivor too (it gains the old actor's statements and names): it is in the survivor's log as well.
        const string Filter = "($subject IS NULL OR subject = $subject OR (action = 'merge_actors' AND after = $subject))";
        var total = (int)await ScalarAsync(connection, null, $"SELECT count(*) FROM audit_log WHERE {Filter};", cancellationToken, ("$subject", subject));
        var rows = await ListAsync(connection, null,
            $"SELECT seq, at, who, action, subject, before, after FROM audit_log WHERE {Filter} AND seq > $after ORDER BY seq LIMIT $limit;",
            r => new AuditEntry(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2),
                EnumNames.Parse<CurationAction>(r.GetString(3)), r.GetString(4), NullableString(r, 5), NullableString(r, 6)),
            cancellationToken, ("$subject", subject), ("$after", afterSequence), ("$limit", first + 1));
        return Pages.From(rows, first, total, e => e.Cursor);
    }

    private static string Required(CurationRequest request) => request.RequiredValue();

    private static async Task<(string ActorId, string TargetId, string Stance, string Status)?> StatementAsync(SqliteConnection connection,
        SqliteTransaction transaction, string id, CancellationToken cancellationToken) =>
        (await ListAsync(connection, transaction,
            "SELECT s.actor_id, s.target_id, s.stance, coalesce(c.status, 'extracted') FROM statements s LEFT JOIN curation c ON c.statement_id = s.id WHERE s.id = $id;",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), cancellationToken, ("$id", id)))
        is [var found] ? found : null;

    private static async Task<(string? Before, string? After)?> SetStatusAsync(SqliteConnection connection, SqliteTransaction transaction, string id,
        StatementStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await StatementAsync(connection, transaction, id, cancellationToken) is not { } statement)
        {
            return null;
        }
        await EmbeddedWrites.SetStatementStatusAsync(connection, transaction, id, status, now, cancellationToken);
        return (statement.Status, EnumNames.ToSnakeCase(status));
    }

    private static async Task<(string? Before, string? After)?> SetStanceAsync(SqliteConnection connection, SqliteTransaction transaction, string id,
        string value, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<Stance>(value, out var stance))
        {
            throw new CurationException($"'{value}' is not a stance; use support, oppose, propose or concern.");
        }
        if (await StatementAsync(connection, transaction, id, cancellationToken) is not { } statement)
        {
            return null;
        }
        var after = EnumNames.ToSnakeCase(stance);
        await ExecuteAsync(connection, transaction, "UPDATE statements SET stance = $stance WHERE id = $id;", cancellationToken, ("$stance", after), ("$id", id));
        await ExecuteAsync(connection, transaction,
            "INSERT INTO statement_edits (statement_id, stance) VALUES ($id, $stance) ON CONFLICT (statement_id) DO UPDATE SET stance = $stance;",
            cancellationToken, ("$id", id), ("$stance", after));
        await PositionEdges.RecomputeAsync(connection, transaction, [(statement.ActorId, statement.TargetId)], cancellationToken);
        return (statement.Stance, after);
    }

    private static async Task<(string? Before, string? After)?> SetTargetAsync(SqliteConnection connection, SqliteTransaction transaction, string id,
        string targetId, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, transaction, "SELECT count(*) FROM targets WHERE id = $id;", cancellationToken, ("$id", targetId)) == 0)
        {
            throw new CurationException($"No norm, principle or proposal has the id '{targetId}'.");
        }
        if (await StatementAsync(connection, transaction, id, cancellationToken) is not { } statement)
        {
            return null;
        }
        await ExecuteAsync(connection, transaction, "UPDATE statements SET target_id = $target WHERE id = $id;", cancellationToken,
            ("$target", targetId), ("$id", id));
        await ExecuteAsync(connection, transaction,
            "INSERT INTO statement_edits (statement_id, target_id) VALUES ($id, $target) ON CONFLICT (statement_id) DO UPDATE SET target_id = $target;",
            cancellationToken, ("$id", id), ("$target", targetId));
        await PositionEdges.RecomputeAsync(connection, transaction, [(statement.ActorId, statement.TargetId), (statement.ActorId, targetId)], cancellationToken);
        return (statement.TargetId, targetId);
    }

    private static async Task<(string? Before, string? After)?> MergeActorsAsync(SqliteConnection connection, SqliteTransaction transaction, string oldId,
        string newId, CancellationToken cancellationToken)
    {
        newId = await ActorRedirects.ResolveAsync(connection, transaction, newId, cancellationToken);
        var actors = await EmbeddedReads.ActorsAsync(connection, [oldId, newId], cancellationToken, transaction);
        if (!actors.TryGetValue(oldId, out var old) || old.Id != oldId)
        {
            return null;
        }
        if (!actors.TryGetValue(newId, out var survivor))
        {
            throw new CurationException($"No actor has the id '{newId}' to merge '{oldId}' into.");
        }
        if (old.Id == survivor.Id)
        {
            throw new CurationException("An actor cannot be merged into itself.");
        }
        var pairs = await ListAsync(connection, transaction, "SELECT DISTINCT target_id FROM statements WHERE actor_id = $old;",
            r => r.GetString(0), cancellationToken, ("$old", oldId));
        // The old actor's name and aliases (its curators' among them) become the survivor's curators' aliases, so they stay
        // when a report or the taxonomy writes the survivor again.
        var moved = new[] { old.Name }.Concat(old.Aliases).Where(a => !string.Equals(a, survivor.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        var aliases = survivor.Aliases.Concat(moved)
            .Where(a => !string.Equals(a, survivor.Name, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(a => a.ToUpperInvariant()).ToList();
        await ExecuteAsync(connection, transaction,
            """
            UPDATE statements SET actor_id = $new WHERE actor_id = $old;
            UPDATE actors SET aliases = $aliases WHERE id = $new;
            DELETE FROM actors WHERE id = $old;
            DELETE FROM search_docs WHERE kind = 'actor' AND id = $old;
            UPDATE actor_redirects SET new_id = $new WHERE new_id = $old;
            INSERT INTO actor_redirects (old_id, new_id) VALUES ($old, $new) ON CONFLICT (old_id) DO UPDATE SET new_id = $new;
            """,
            cancellationToken, ("$old", oldId), ("$new", newId), ("$aliases", Aliases(aliases)));
        await ActorEdits.AddAliasesAsync(connection, transaction, newId, moved, cancellationToken);
        await ActorEdits.DeleteAsync(connection, transaction, oldId, cancellationToken);
        await SearchDocuments.ActorAsync(connection, transaction, newId, cancellationToken);
        await PositionEdges.RecomputeAsync(connection, transaction, pairs.SelectMany(t => new[] { (oldId, t), (newId, t) }), cancellationToken);
        return (oldId, newId);
    }

    private static async Task<(string? Before, string? After)?> AddAliasAsync(SqliteConnection connection, SqliteTransaction transaction, string actorId,
        string alias, CancellationToken cancellationToken)
    {
        if ((await EmbeddedReads.ActorsAsync(connection, [actorId], cancellationToken, transaction)).GetValueOrDefault(actorId) is not { } actor)
        {
            return null;
        }
        var before = Aliases(actor.Aliases);
        var aliases = ActorAliases.WithCuratorAlias(actor, alias);
        await ExecuteAsync(connection, transaction, "UPDATE actors SET aliases = $aliases WHERE id = $id;", cancellationToken,
            ("$aliases", Aliases(aliases)), ("$id", actor.Id));
        await ActorEdits.AddAliasesAsync(connection, transaction, actor.Id, [alias], cancellationToken);
        await SearchDocuments.ActorAsync(connection, transaction, actor.Id, cancellationToken);
        return (before, Aliases(aliases));
    }

    private static async Task<(string? Before, string? After)?> SetActorTypeAsync(SqliteConnection connection, SqliteTransaction transaction, string actorId,
        string value, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<ActorType>(value, out var type))
        {
            throw new CurationException($"'{value}' is not an actor type; use one of {string.Join(", ", Enum.GetValues<ActorType>().Select(EnumNames.ToSnakeCase))}.");
        }
        if ((await EmbeddedReads.ActorsAsync(connection, [actorId], cancellationToken, transaction)).GetValueOrDefault(actorId) is not { } actor)
        {
            return null;
        }
        await ExecuteAsync(connection, transaction, "UPDATE actors SET type = $type WHERE id = $id;", cancellationToken,
            ("$type", EnumNames.ToSnakeCase(type)), ("$id", actor.Id));
        await ActorEdits.SetTypeAsync(connection, transaction, actor.Id, type, cancellationToken);
        return (EnumNames.ToSnakeCase(actor.Type), EnumNames.ToSnakeCase(type));
    }

}
