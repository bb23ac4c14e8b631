using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Embedded.EmbeddedRows;
using static NormsGraph.Storage.Embedded.Sql;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Search over <c>search_docs</c> through its FTS5 index, best first: bm25 with a hit in the title (a name; aliases,
/// descriptions and report texts are the body) weighing ten times one in the body, ties by kind and id. Rankings are
/// kept in a <see cref="SearchRankingCache"/> until the documents change.
/// </summary>
internal static class EmbeddedSearch
{
    private const string Score = "-bm25(search_fts, 10.0, 1.0)";
    private const string Snippet = "snippet(search_fts, 1, '[', ']', '…', 12)";

    // Every match with its score, from the index alone: the count, and the order up to ties, without reading a document.
    private const string Ranked = $"SELECT rowid, {Score} FROM search_fts WHERE search_fts MATCH $match;";

    // Snippets of the page's hits only. An FTS5 auxiliary function needs the match's cursor, and a rowid constraint next
    // to MATCH runs the whole match once per rowid, so the match runs once more and the snippet is built for the page's rows.
    private const string PageSnippets =
        $"SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each($rowids)) THEN {Snippet} END FROM search_fts WHERE search_fts MATCH $match;";

    private const string DocumentsByRowId = "SELECT rowid, kind, id, title FROM search_docs WHERE rowid IN (SELECT value FROM json_each($rowids));";

    private const string BodiesByRowId = "SELECT rowid, body FROM search_docs WHERE rowid IN (SELECT value FROM json_each($rowids));";

    // The matches of some kinds only: each match's document gives its kind.
    private const string Joined = "FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid";

    private const string Generation = "SELECT n FROM search_generation;";

    public static async Task<Page<SearchHit>> SearchAsync(SqliteConnection connection, SearchRankingCache cache, SearchIndexFeed? feed,
        SearchQuery query, CancellationToken cancellationToken)
    {
        var offset = PageCursor.DecodeOffset("search", query.After);
        var first = Math.Clamp(query.First, 0, PositionQuery.MaxPageSize);
        var words = Words(query.Text);
        if (words.Count == 0)
        {
            return new Page<SearchHit>([], 0, false, null, []);
        }
        var match = MatchExpression(words);
        var kinds = KindsKept(query.Kinds);
        var generation = await ScalarAsync(connection, null, Generation, cancellationToken);
        List<(long RowId, SearchHit Hit)> hits;
        int total;
        List<string>? indexTerms = null;
        if (feed is not null && IndexTerms(words) is { } terms && await feed.CurrentAsync(connection, generation, cancellationToken) is { } index)
        {
            var found = index.Search(terms, kinds.Length == 0 ? null : kinds.ToHashSet(StringComparer.Ordinal), offset, first + 1);
            total = found.Total;
            hits = [.. found.Hits.Select(h => (h.RowId, Hit(h.Kind, h.Id, h.Title, h.Score)))];
            indexTerms = terms;
        }
        else
        {
            var ranked = await RankAsync(connection, cache, match, kinds, generation, cancellationToken);
            total = ranked.Length;
            hits = await PageOfRankedAsync(connection, ranked, offset, first + 1, cancellationToken);
        }
        if (query.Snippets && hits.Count > 0)
        {
            var rowIds = JsonSerializer.Serialize(hits.Select(h => h.RowId));
            var snippets = indexTerms is not null
                ? await SnippetsOfBodiesAsync(connection, rowIds, indexTerms, cancellationToken)
                : await Fts5SnippetsAsync(connection, rowIds, match, cancellationToken);
            hits = [.. hits.Select(h => h with { Hit = h.Hit with { Snippet = snippets.GetValueOrDefault(h.RowId) } })];
        }
        return Pages.FromOffset([.. hits.Select(h => h.Hit)], offset, first, "search", total);
    }

    /// <summary>
    /// Snippets built from the page's bodies, as FTS5 would build them (<see cref="SearchSnippets"/>): running the match
    /// once more to have FTS5 build them cost 0.65 ms a search at 20,000 reports, thirty times the rest of it; reading
    /// and cutting the page's ten texts costs about 70 µs.
    /// </summary>
    private static async Task<Dictionary<long, string?>> SnippetsOfBodiesAsync(SqliteConnection connection, string rowIds, List<string> terms,
        CancellationToken cancellationToken) =>
        (await ListAsync(connection, null, BodiesByRowId, r => (RowId: r.GetInt64(0), Body: r.GetString(1)), cancellationToken, ("$rowids", rowIds)))
            .ToDictionary(d => d.RowId, d => (string?)SearchSnippets.Of(d.Body, terms));

    private static async Task<Dictionary<long, string?>> Fts5SnippetsAsync(SqliteConnection connection, string rowIds, string match,
        CancellationToken cancellationToken) =>
        (await ListAsync(connection, null, PageSnippets, r => (RowId: r.GetInt64(0), Snippet: NullableString(r, 1)), cancellationToken,
            ("$match", match), ("$rowids", rowIds))).Where(s => s.Snippet is not null).ToDictionary(s => s.RowId, s => s.Snippet);

    // The kinds a search keeps, sorted; none when it keeps every kind.
    private static string[] KindsKept(IReadOnlyList<string>? kinds) =>
        kinds is { Count: > 0 } && !SearchQuery.AllKinds.All(kinds.Contains)
            ? [.. kinds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// Each word as the one token FTS5 makes of it, for the in-memory index; null when a word makes more than one, which
    /// FTS5 would search as a phrase (the index keeps no positions) and FTS5 then answers.
    /// </summary>
    private static List<string>? IndexTerms(List<string> words)
    {
        var terms = new List<string>(words.Count);
        foreach (var word in words)
        {
            var tokens = SearchTokens.Of(word);
            if (tokens.Count != 1)
            {
                return null;
            }
            terms.Add(tokens[0]);
        }
        return terms;
    }

    /// <summary>
    /// Every match of <paramref name="match"/> among <paramref name="kinds"/> with its score, best first, from the cache
    /// when the search documents have not changed since it was ranked. A ranking is kept only when the generation read
    /// after it is the one read before: each read runs in its own snapshot, and a write in between could otherwise
    /// leave a newer ranking filed under the older generation.
    /// </summary>
    private static async Task<RankedMatch[]> RankAsync(SqliteConnection connection, SearchRankingCache cache, string match,
        string[] kinds, long generation, CancellationToken cancellationToken)
    {
        var key = new SearchRankingCache.Key(match, string.Join(',', kinds));
        if (cache.TryGet(key, generation, out var cached))
        {
            return cached;
        }
        var ranked = (kinds.Length == 0
            // Every document has one of the kinds, so the index alone ranks the matches, without reading a document.
            ? await ListAsync(connection, null, Ranked, Match, cancellationToken, ("$match", match))
            : await RankedOfKindsAsync(connection, match, kinds, cancellationToken)).ToArray();
        // Best first; the order within equal scores does not matter, since a page reads whole runs of them and orders them by kind and id.
        Array.Sort(ranked, (a, b) => b.Score.CompareTo(a.Score));
        if (await ScalarAsync(connection, null, Generation, cancellationToken) == generation)
        {
            cache.Add(key, generation, ranked);
        }
        return ranked;
    }

    private static Task<List<RankedMatch>> RankedOfKindsAsync(SqliteConnection connection, string match, string[] kinds, CancellationToken cancellationToken)
    {
        var kindNames = kinds.Select((_, i) => $"$k{i}").ToList();
        return ListAsync(connection, null,
            $"SELECT search_fts.rowid, {Score} {Joined} WHERE search_fts MATCH $match AND d.kind IN ({string.Join(", ", kindNames)});",
            Match, cancellationToken, [("$match", match), .. kindNames.Zip(kinds, (n, v) => (n, (object?)v))]);
    }

    private static RankedMatch Match(SqliteDataReader r) => new(r.GetInt64(0), r.GetDouble(1));

    /// <summary>
    /// Rows <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> of the matches in the order
    /// score, kind, id, reading only the documents of the scores that reach into that window: kind and id only order
    /// hits of equal score. Reading every match's document to order them in SQL was half of a search's time at 20,000
    /// reports (473 matches of "responsible disclosure" for a page of 10); a second query to count them cost as much
    /// again as ranking on the index.
    /// </summary>
    private static async Task<List<(long RowId, SearchHit Hit)>> PageOfRankedAsync(SqliteConnection connection, RankedMatch[] ranked,
        int offset, int count, CancellationToken cancellationToken)
    {
        var window = new List<RankedMatch>();
        var skipped = 0;
        for (var start = 0; start < ranked.Length && start < (long)offset + count;)
        {
            var end = start + 1;
            while (end < ranked.Length && ranked[end].Score == ranked[start].Score)
            {
                end++;
            }
            if (end <= offset)
            {
                skipped = end;
            }
            else
            {
                window.AddRange(ranked[start..end]);
            }
            start = end;
        }
        if (window.Count == 0)
        {
            return [];
        }
        var documents = (await ListAsync(connection, null, DocumentsByRowId, r => (RowId: r.GetInt64(0), Kind: r.GetString(1), Id: r.GetString(2), Title: r.GetString(3)),
            cancellationToken, ("$rowids", JsonSerializer.Serialize(window.Select(h => h.RowId))))).ToDictionary(d => d.RowId);
        return [.. window.Where(h => documents.ContainsKey(h.RowId))
            .Select(h => (h.RowId, h.Score, Document: documents[h.RowId]))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Document.Kind, StringComparer.Ordinal).ThenBy(h => h.Document.Id, StringComparer.Ordinal)
            .Skip(offset - skipped).Take(count)
            .Select(h => (h.RowId, Hit(h.Document.Kind, h.Document.Id, h.Document.Title, h.Score)))];
    }

    // One rounding for both paths, so the index and FTS5 show the same score.
    private static SearchHit Hit(string kind, string id, string title, double score) => new(kind, id, title, Math.Round(score, 4), null);

    /// <summary>The words of a search: runs of letters and digits, at most 16.</summary>
    public static List<string> Words(string text)
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
                words.Add(word.ToString());
                word.Clear();
            }
        }
        return words.Count > 16 ? words[..16] : words;
    }

    /// <summary>
    /// Words as an FTS5 expression: each a quoted prefix term, all required. Quoting keeps FTS5 operators and
    /// punctuation in user input from being read as query syntax.
    /// </summary>
    public static string MatchExpression(List<string> words) => string.Join(' ', words.Select(w => $"\"{w}\"*"));
}
