using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Search over <c>search_docs</c> through its FTS5 index, best first: bm25 with a hit in the title (a name; aliases,
/// descriptions and report texts are the body) weighing ten times one in the body, ties by kind and id.
/// </summary>
internal static class EmbeddedSearch
{
    private const string Score = "-bm25(search_fts, 10.0, 1.0)";
    private const string Snippet = "snippet(search_fts, 1, '[', ']', '…', 12)";

    // The best matches by score from the index alone: no document row is read for the matches that do not make the page.
    private const string RankedOnIndex = $"SELECT rowid, {Score} AS score, {Snippet} FROM search_fts WHERE search_fts MATCH $match ORDER BY score DESC LIMIT $limit;";

    private const string DocumentsByRowId = "SELECT rowid, kind, id, title FROM search_docs WHERE rowid IN (SELECT value FROM json_each($rowids));";

    private const string Joined = "FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid";

    // Past this many rows before the page's end the window costs as much as ordering every match, so the joined query does it.
    private const int MaxWindow = 1_000;

    public static async Task<Page<SearchHit>> SearchAsync(SqliteConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var offset = PageCursor.DecodeOffset("search", query.After);
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        var match = MatchExpression(query.Text);
        if (match is null)
        {
            return new Page<SearchHit>([], 0, false, null, []);
        }
        var kinds = query.Kinds is { Count: > 0 } k ? k : SearchQuery.AllKinds;
        if (SearchQuery.AllKinds.All(kinds.Contains))
        {
            // Every document has one of the kinds, so the index alone counts the matches and ranks them.
            var total = (int)await ScalarAsync(connection, null, "SELECT count(*) FROM search_fts WHERE search_fts MATCH $match;", cancellationToken,
                ("$match", match));
            if (await RankOnIndexAsync(connection, match, offset, first, cancellationToken) is { } page)
            {
                return EmbeddedAnalystReads.OffsetPage(page, offset, first, "search", total, alreadyOffset: true);
            }
            return await JoinedAsync(connection, match, kinds, offset, first, total, cancellationToken);
        }
        return await JoinedAsync(connection, match, kinds, offset, first, total: null, cancellationToken);
    }

    /// <summary>
    /// The page from the best <c>offset + first + 1</c> matches by score, read from the index; their documents are then
    /// read by rowid and put in order by score, kind and id. Reading every match's document row to order by kind and id
    /// was half of a search's time at 20,000 reports (473 matches of "responsible disclosure" for a page of 10). The
    /// window is exact unless a score ties across its edge, where kind and id decide which rows are in: then null, and
    /// the caller orders every match.
    /// </summary>
    private static async Task<List<SearchHit>?> RankOnIndexAsync(SqliteConnection connection, string match, int offset, int first,
        CancellationToken cancellationToken)
    {
        var window = (long)offset + first + 1;
        if (window > MaxWindow)
        {
            return null;
        }
        var ranked = await ListAsync(connection, null, RankedOnIndex, r => (RowId: r.GetInt64(0), Score: r.GetDouble(1), Snippet: NullableString(r, 2)),
            cancellationToken, ("$match", match), ("$limit", window + 1));
        if (ranked.Count > window && ranked[(int)window].Score == ranked[(int)window - 1].Score)
        {
            return null;
        }
        ranked = ranked[..(int)Math.Min(window, ranked.Count)];
        var documents = (await ListAsync(connection, null, DocumentsByRowId, r => (RowId: r.GetInt64(0), Kind: r.GetString(1), Id: r.GetString(2), Title: r.GetString(3)),
            cancellationToken, ("$rowids", JsonSerializer.Serialize(ranked.Select(h => h.RowId))))).ToDictionary(d => d.RowId);
        return [.. ranked.Where(h => documents.ContainsKey(h.RowId))
            .Select(h => (Hit: h, Document: documents[h.RowId]))
            .OrderByDescending(h => h.Hit.Score).ThenBy(h => h.Document.Kind, StringComparer.Ordinal).ThenBy(h => h.Document.Id, StringComparer.Ordinal)
            .Skip(offset)
            .Select(h => new SearchHit(h.Document.Kind, h.Document.Id, h.Document.Title, Math.Round(h.Hit.Score, 4), h.Hit.Snippet))];
    }

    /// <summary>Every match joined to its document, filtered by kind and ordered in SQL.</summary>
    private static async Task<Page<SearchHit>> JoinedAsync(SqliteConnection connection, string match, IReadOnlyList<string> kinds, int offset, int first,
        int? total, CancellationToken cancellationToken)
    {
        var kindNames = kinds.Select((_, i) => $"$k{i}").ToList();
        (string, object?)[] parameters = [("$match", match), .. kindNames.Zip(kinds, (n, v) => (n, (object?)v))];
        var filter = $"search_fts MATCH $match AND d.kind IN ({string.Join(", ", kindNames)})";
        total ??= (int)await ScalarAsync(connection, null, $"SELECT count(*) {Joined} WHERE {filter};", cancellationToken, parameters);
        var hits = await ListAsync(connection, null,
            $"SELECT d.kind, d.id, d.title, {Score} AS score, {Snippet} {Joined} WHERE {filter} ORDER BY score DESC, d.kind, d.id LIMIT $limit OFFSET $offset;",
            r => new SearchHit(r.GetString(0), r.GetString(1), r.GetString(2), Math.Round(r.GetDouble(3), 4), NullableString(r, 4)),
            cancellationToken, [.. parameters, ("$limit", first + 1), ("$offset", offset)]);
        return EmbeddedAnalystReads.OffsetPage(hits, offset, first, "search", total, alreadyOffset: true);
    }

    /// <summary>
    /// Words of <paramref name="text"/> as an FTS5 expression: each a quoted prefix term, all required. Quoting
    /// keeps FTS5 operators and punctuation in user input from being read as query syntax.
    /// </summary>
    public static string? MatchExpression(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var ch in text.Append(' '))
        {
            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
            }
            else if (word.Length > 0)
            {
                words.Add($"\"{word}\"*");
                word.Clear();
            }
        }
        return words.Count == 0 ? null : string.Join(' ', words.Take(16));
    }
}
