using Microsoft.Data.Sqlite;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Keeps <c>search_docs</c> (and through its triggers the FTS5 index) in step with the nodes people search:
/// actors by name and aliases, targets by name and description, processes by name and acronym, reports by title and text.
/// </summary>
internal static class SearchDocuments
{
    public static Task UpsertAsync(SqliteConnection connection, SqliteTransaction transaction, string kind, string id, string title, string body,
        CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            """
            INSERT INTO search_docs (kind, id, title, body) VALUES ($kind, $id, $title, $body)
            ON CONFLICT (kind, id) DO UPDATE SET title = $title, body = $body WHERE title <> $title OR body <> $body;
            """,
            cancellationToken, ("$kind", kind), ("$id", id), ("$title", title), ("$body", body));

    public static Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string kind, string id, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, "DELETE FROM search_docs WHERE kind = $kind AND id = $id;", cancellationToken, ("$kind", kind), ("$id", id));

    public static Task ActorAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            """
            INSERT INTO search_docs (kind, id, title, body)
            SELECT 'actor', a.id, a.name, coalesce((SELECT group_concat(value, ' ') FROM json_each(a.aliases)), '') FROM actors a WHERE a.id = $id
            ON CONFLICT (kind, id) DO UPDATE SET title = excluded.title, body = excluded.body
                WHERE title <> excluded.title OR body <> excluded.body;
            """,
            cancellationToken, ("$id", id));

    /// <summary>Every document from the tables, when the schema version changes.</summary>
    public static async Task RebuildAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, "DELETE FROM search_docs;", cancellationToken);
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO search_docs (kind, id, title, body)
            SELECT 'actor', a.id, a.name, coalesce((SELECT group_concat(value, ' ') FROM json_each(a.aliases)), '') FROM actors a;
            INSERT INTO search_docs (kind, id, title, body) SELECT kind, id, name, coalesce(description, '') FROM targets;
            INSERT INTO search_docs (kind, id, title, body) SELECT 'process', id, name, coalesce(acronym, '') FROM processes;
            INSERT INTO search_docs (kind, id, title, body) SELECT 'report', id, title, text FROM reports;
            """, cancellationToken);
        // The triggers recorded every old document's removal and every new one's entry as separate index segments
        // (twice the index at 20,000 reports, and searches a third slower until FTS5 merged them); merge them now.
        await ExecuteAsync(connection, transaction, "INSERT INTO search_fts (search_fts) VALUES ('optimize');", cancellationToken);
    }
}
