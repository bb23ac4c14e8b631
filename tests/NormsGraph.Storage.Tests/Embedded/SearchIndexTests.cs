using System.Globalization;
using System.Text;
using NormsGraph.Core.Samples;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Embedded;
using NormsGraph.Storage.Tests.Contract;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>
/// The in-memory search index answers exactly as FTS5 does: the same hits, in the same order, with the same scores and
/// totals, on one file searched through two stores, one with the index and one without; and it follows every change to
/// the documents, from its own process or another, a few at once or many in the background.
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TemporaryStoreFile _file = new();

    [Fact]
    public async Task Searches_answer_as_FTS5_does_before_and_after_documents_change()
    {
        using var indexed = await OpenAsync(searchIndexInMemory: true);
        using var fts5 = await OpenAsync(searchIndexInMemory: false);
        var random = new Random(7);
        var reports = SyntheticReports.Generate(180, seed: 3);
        await ExecuteAsync(string.Concat(reports.Select((r, i) => Insert(Kinds[i % Kinds.Length], $"d{i}", Title(r), r.Content))));
        var queries = Queries(reports, random);

        await AssertSameAnswersAsync(indexed, fts5, queries);
        Assert.Equal(queries.Count * 3, indexed.SearchIndex!.Answered);

        // Some documents change, some go, some come: fewer than a search reads itself.
        await ExecuteAsync(string.Concat(
            Enumerable.Range(0, 40).Select(i => $"UPDATE search_docs SET body = body || ' cyber resilience renewed' WHERE id = 'd{i * 3}';")
                .Concat(Enumerable.Range(0, 30).Select(i => $"DELETE FROM search_docs WHERE id = 'd{(i * 5) + 1}';"))
                .Concat(reports.Take(40).Select((r, i) => Insert("report", $"n{i}", "Renewed " + Title(r), r.Content + " Sécurité numérique.")))));
        await AssertSameAnswersAsync(indexed, fts5, [.. queries, ["securite", "numerique"], ["renewed"]]);
        Assert.Equal((queries.Count * 3) + ((queries.Count + 2) * 3), indexed.SearchIndex!.Answered);
    }

    [Fact]
    public async Task Many_changes_are_read_in_the_background_while_FTS5_answers()
    {
        using var indexed = await OpenAsync(searchIndexInMemory: true);
        using var fts5 = await OpenAsync(searchIndexInMemory: false);
        var reports = SyntheticReports.Generate(SearchIndexFeed.InlineChanges + 50, seed: 4);
        await ExecuteAsync(string.Concat(reports.Select((r, i) => Insert("report", $"d{i}", Title(r), r.Content))));

        var first = await indexed.SearchAsync(new SearchQuery("cyber"), Ct);
        Assert.Equal(0, indexed.SearchIndex!.Answered);
        Assert.Equal(reports.Count(r => r.Content.Contains("cyber", StringComparison.OrdinalIgnoreCase)), first.TotalCount);

        await indexed.SearchIndex.WhenIdleAsync();
        await AssertSameAnswersAsync(indexed, fts5, Queries(reports, new Random(8)));
        Assert.True(indexed.SearchIndex.Answered > 0);

        // As many changes again to an index that exists (half rewritten, the rest new): applied in the background too.
        await ExecuteAsync(string.Concat(reports.Select((r, i) => i % 2 == 0
            ? $"UPDATE search_docs SET body = body || ' renewed' WHERE id = 'd{i}';"
            : Insert("report", $"n{i}", Title(r), r.Content + " renewed"))));
        var answered = indexed.SearchIndex.Answered;
        Assert.Equal(reports.Count, (await indexed.SearchAsync(new SearchQuery("renewed"), Ct)).TotalCount);
        Assert.Equal(answered, indexed.SearchIndex.Answered);
        await indexed.SearchIndex.WhenIdleAsync();
        await AssertSameAnswersAsync(indexed, fts5, [.. Queries(reports, new Random(9)), ["renewed"]]);
        Assert.True(indexed.SearchIndex.Answered > answered);
    }

    [Fact]
    public async Task A_document_another_store_writes_is_found_by_the_next_search()
    {
        using var api = await OpenAsync(searchIndexInMemory: true);
        using var worker = await OpenAsync(searchIndexInMemory: false);
        await worker.ApplyAsync(TestGraphs.Report("Talks.\n\nAlpha spoke of disclosure.", new DateOnly(2020, 1, 1), "a.txt"), Ct);
        Assert.Equal(1, (await api.SearchAsync(new SearchQuery("disclosure"), Ct)).TotalCount);

        await worker.ApplyAsync(TestGraphs.Report("Talks.\n\nBravo spoke of disclosure twice: disclosure.", new DateOnly(2020, 1, 2), "b.txt"), Ct);

        var all = await api.SearchAsync(new SearchQuery("disclos"), Ct);
        Assert.Equal(2, all.TotalCount);
        Assert.Equal("b.txt", (await api.GetReportsAsync([all.Items[0].Id], Ct))[all.Items[0].Id].Source);
        Assert.Equal(2, api.SearchIndex!.Answered);
    }

    [Fact]
    public async Task Dead_documents_are_dropped_once_they_outnumber_the_living_and_searches_stay_right()
    {
        using var indexed = await OpenAsync(searchIndexInMemory: true);
        using var fts5 = await OpenAsync(searchIndexInMemory: false);
        var reports = SyntheticReports.Generate(60, seed: 5);
        await ExecuteAsync(string.Concat(reports.Select((r, i) => Insert("report", $"d{i}", Title(r), r.Content))));
        var queries = Queries(reports, new Random(9));
        await AssertSameAnswersAsync(indexed, fts5, queries);

        // Each round rewrites every document, leaving 60 dead slots, until compaction has run several times.
        for (var round = 0; round < 40; round++)
        {
            await ExecuteAsync($"UPDATE search_docs SET body = body || ' r{round.ToString(CultureInfo.InvariantCulture)}';");
            Assert.Equal(60, (await indexed.SearchAsync(new SearchQuery($"r{round.ToString(CultureInfo.InvariantCulture)}"), Ct)).TotalCount);
        }
        await AssertSameAnswersAsync(indexed, fts5, queries);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task Random_documents_changed_again_and_again_are_searched_as_FTS5_searches_them(int seed, bool churn)
    {
        using var indexed = await OpenAsync(searchIndexInMemory: true);
        using var fts5 = await OpenAsync(searchIndexInMemory: false);
        var random = new Random(seed);
        // Few words, so that scores tie and pages cut through ties: whole words that prefix others, digits, other
        // scripts, folded and unfolded forms, a word longer than FTS5 keeps of a token (32,768 bytes).
        string[] vocabulary = ["alpha", "alp", "al", "a", "alphabet", "alphas", "beta", "b", "1", "12", "123", "2026", "٣٤", "naïve", "naive",
            "cyber", "cybersecurity", "cyb", "Über", "ueber", "中文", "x", "norm", "norms", new string('y', 33_000), new string('y', 33_000) + "z"];
        // The two long words come one time in fifty.
        string Word() => vocabulary[random.Next(random.Next(50) == 0 ? vocabulary.Length : vocabulary.Length - 2)];
        string Text(int most) => string.Join(random.Next(3) == 0 ? ", " : " ", Enumerable.Range(0, random.Next(0, most)).Select(_ => Word()));
        var documents = new List<(string Kind, string Id)>();
        for (var round = 0; round < (churn ? 30 : 12); round++)
        {
            var sql = new StringBuilder();
            for (var change = churn ? (round == 0 ? 150 : 250) : random.Next(1, 60); change > 0; change--)
            {
                var what = documents.Count == 0 ? 0 : churn && round > 0 ? (random.Next(10) == 0 ? 3 : 2) : random.Next(4);
                if (what <= 1)
                {
                    var kind = SearchQuery.AllKinds[random.Next(SearchQuery.AllKinds.Count)];
                    var id = $"d{round}-{change}";
                    documents.Add((kind, id));
                    var title = random.Next(5) == 0 ? "" : Text(4);
                    sql.Append(Insert(kind, id, title, random.Next(5) == 0 ? "" : random.Next(6) == 0 ? title : Text(30)));
                }
                else if (what == 2)
                {
                    var (kind, id) = documents[random.Next(documents.Count)];
                    sql.Append(CultureInfo.InvariantCulture, $"UPDATE search_docs SET body = {Quote(Text(30))} WHERE kind = '{kind}' AND id = '{id}';");
                }
                else
                {
                    // Half the time the last document goes, and the next insert takes its rowid again.
                    var at = random.Next(2) == 0 ? documents.Count - 1 : random.Next(documents.Count);
                    sql.Append(CultureInfo.InvariantCulture, $"DELETE FROM search_docs WHERE kind = '{documents[at].Kind}' AND id = '{documents[at].Id}';");
                    documents.RemoveAt(at);
                }
            }
            await ExecuteAsync(sql.ToString());
            for (var search = 0; search < (churn ? 40 : 150); search++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                {
                    var word = Word();
                    return random.Next(3) == 0 && word.Length > 1 ? word[..random.Next(1, Math.Min(word.Length, 400))] : word[..Math.Min(word.Length, 400)];
                }));
                var kinds = random.Next(3) == 0 ? SearchQuery.AllKinds.Where(_ => random.Next(2) == 0).ToList() : null;
                int? after = random.Next(4) switch
                {
                    0 => null,
                    1 => random.Next(0, 80),
                    2 => random.Next(0, 8),
                    _ => int.MaxValue - 1 - random.Next(3),
                };
                var query = new SearchQuery(text, kinds, random.Next(0, 25), after is { } a ? PageCursor.Encode("search", a.ToString(CultureInfo.InvariantCulture)) : null,
                    Snippets: random.Next(2) == 0);
                var expected = await fts5.SearchAsync(query, Ct);
                var actual = await indexed.SearchAsync(query, Ct);
                var asked = $"round {round}: '{text[..Math.Min(text.Length, 40)]}' of {(kinds is null ? "every kind" : string.Join(", ", kinds))}, {query.First} after {after}";
                Assert.True(expected.TotalCount == actual.TotalCount, $"{asked}: {expected.TotalCount} matches by FTS5, {actual.TotalCount} here");
                Assert.True(expected.Items.SequenceEqual(actual.Items), $"{asked}: [{string.Join("; ", expected.Items)}] by FTS5, [{string.Join("; ", actual.Items)}] here");
                Assert.Equal(expected.HasNextPage, actual.HasNextPage);
                Assert.Equal(expected.EndCursor, actual.EndCursor);
            }
        }
        Assert.True(indexed.SearchIndex!.Answered > (churn ? 600 : 1500), $"the index answered {indexed.SearchIndex!.Answered} searches");
    }

    [Fact]
    public async Task Snippets_built_for_the_index_are_those_FTS5_builds()
    {
        using var indexed = await OpenAsync(searchIndexInMemory: true);
        using var fts5 = await OpenAsync(searchIndexInMemory: false);
        var reports = SyntheticReports.Generate(120, seed: 6);
        await ExecuteAsync(string.Concat(reports.Select((r, i) => Insert("report", $"d{i}", Title(r), r.Content)))
            + Insert("actor", "t0", "Titled only", "A body without the word, long enough to be cut: one two three four five six seven.")
            + Insert("actor", "e0", "Empty body", "")
            + Insert("report", "u0", "Sécurité numérique", "La  sécurité\tnumérique : les États, ΕΛΛΗΝΙΚΆ Ελληνικά, 中文, smile🥲face, cafe\u0301\u0301. Et la sécurité ?"));
        List<string[]> queries = [.. Queries(reports, new Random(10)), ["titled"], ["empty", "body"], ["securite"], ["ελληνικα", "cafe"], ["sec", "sec"]];
        var snippets = new List<string?>();
        foreach (var words in queries)
        {
            var query = new SearchQuery(string.Join(' ', words), First: 20, Snippets: true);
            var expected = (await fts5.SearchAsync(query, Ct)).Items;
            var actual = (await indexed.SearchAsync(query, Ct)).Items;
            for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
            {
                Assert.True(i < expected.Count && i < actual.Count && expected[i] == actual[i],
                    $"'{query.Text}', hit {i}: {expected.ElementAtOrDefault(i)} by FTS5, {actual.ElementAtOrDefault(i)} by the index");
            }
            snippets.AddRange(actual.Select(h => h.Snippet));
        }
        Assert.Equal(queries.Count, indexed.SearchIndex!.Answered);
        // The comparisons above were of snippets of every kind: cut at either end, of a body without a hit, of an empty one.
        Assert.All(snippets, s => Assert.NotNull(s));
        Assert.True(snippets.Count(s => s!.StartsWith('…') && s.EndsWith('…') && s.Contains('[', StringComparison.Ordinal)) > 100);
        Assert.Contains(snippets, s => !s!.StartsWith('…') && !s.EndsWith('…'));
        Assert.Contains("A body without the word, long enough to be cut: one two…", snippets);
        Assert.Contains("", snippets);
    }

    [Fact]
    public async Task A_common_word_is_found_beside_documents_added_after_its_slot_set_was_built()
    {
        using var indexed = await OpenAsync(searchIndexInMemory: true);
        using var fts5 = await OpenAsync(searchIndexInMemory: false);
        await ExecuteAsync(string.Concat(Enumerable.Range(0, 100).Select(i => Insert("report", $"c{i}", "Common", i == 0 ? "rare" : "filler"))));
        List<string[]> queries = [["common", "rare"], ["rare", "common"], ["filler", "rare"]];
        await AssertSameAnswersAsync(indexed, fts5, queries);

        // Documents without "common" take slots beyond the bits of its slot set, which the searches above built.
        await ExecuteAsync(string.Concat(Enumerable.Range(0, 100).Select(i => Insert("report", $"r{i}", "Other", i % 10 == 0 ? "rare" : "more"))));
        await AssertSameAnswersAsync(indexed, fts5, queries);
        Assert.Equal(queries.Count * 3 * 2, indexed.SearchIndex!.Answered);
    }

    [Fact]
    public async Task Runs_of_documents_below_the_page_are_counted_but_a_document_scoring_as_the_page_worst_is_still_ranked()
    {
        using var indexed = await OpenAsync(searchIndexInMemory: true);
        using var fts5 = await OpenAsync(searchIndexInMemory: false);
        // Twelve runs of 64 documents. In each, one short document with the word in its title scores exactly as the
        // others of its kind, with a smaller id the later its run: each must be ranked although the page is already
        // full of equal scores, while the long documents around it are only counted.
        var runs = 12;
        await ExecuteAsync(string.Concat(Enumerable.Range(0, runs * 64).Select(slot => slot % 64 == 10
            ? Insert("report", $"s{runs - 1 - (slot / 64):D2}", "Beacon", "beacon")
            : Insert("report", $"f{slot:D3}", "Filler", "beacon " + string.Join(' ', Enumerable.Repeat("alpha beta", 10))))));

        var best = await indexed.SearchAsync(new SearchQuery("beacon", First: 3), Ct);
        Assert.Equal(["s00", "s01", "s02"], best.Items.Select(h => h.Id));
        Assert.Equal(runs * 64, best.TotalCount);
        await AssertSameAnswersAsync(indexed, fts5, [["beacon"], ["beacon", "alpha"], ["beac"]]);
    }

    [Fact]
    public async Task Words_are_cut_as_FTS5_cuts_them_where_SQLite_and_dotnet_know_different_Unicode()
    {
        using var indexed = await OpenAsync(searchIndexInMemory: true);
        using var fts5 = await OpenAsync(searchIndexInMemory: false);
        // A sign, isolates and emoji newer than SQLite's tables (letters to it), a combining mark it does not drop,
        // letters it folds otherwise, and a diacritic standing alone.
        await ExecuteAsync(Insert("report", "u0", "Rouble report", "Prices rose to 500₽ and 0.1₿ in the \u2067مرحبا\u2069 region.")
            + Insert("report", "u1", "Marks", "q\u0305z smile🥲face \u0301 report")
            + Insert("actor", "u2", "ᎠᏣᎳᎩ Ǡǡ", "ᲒᲔᲝ report"));
        List<string[]> queries = [["500"], ["مرحبا"], ["region"], ["qz"], ["smile"], ["ꭰꮳꮃꭹ"], ["ᏣᎳᎩ"], ["ǡ"], ["a"], ["ა"], ["Ნ"], ["report"]];
        await AssertSameAnswersAsync(indexed, fts5, queries);
        Assert.Equal(queries.Count * 3, indexed.SearchIndex!.Answered);
    }

    private static readonly string[] Kinds = ["report", "report", "report", "actor", "norm", "principle", "process"];

    private static string Title(SyntheticReport report) => report.Content.Split('\n', 2)[0].TrimStart('#', ' ');

    private static string Insert(string kind, string id, string title, string body) =>
        $"INSERT INTO search_docs (kind, id, title, body) VALUES ('{kind}', '{id}', {Quote(title)}, {Quote(body)});";

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Searches of one to three words from the reports, whole or cut to a prefix, and a few that match nothing.</summary>
    private static List<string[]> Queries(IReadOnlyList<SyntheticReport> reports, Random random)
    {
        var vocabulary = reports.SelectMany(r => SearchTokens.Of(r.Content)).Where(w => w.Length > 1).Distinct().Order(StringComparer.Ordinal).ToArray();
        List<string[]> queries = [["zzzz"], ["cyber", "zzzz"]];
        for (var i = 0; i < 60; i++)
        {
            queries.Add([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
            {
                var word = vocabulary[random.Next(vocabulary.Length)];
                return random.Next(3) == 0 ? word[..Math.Max(1, word.Length / 2)] : word;
            })]);
        }
        return queries;
    }

    private static async Task AssertSameAnswersAsync(EmbeddedGraphStore indexed, EmbeddedGraphStore fts5, List<string[]> queries)
    {
        foreach (var words in queries)
        {
            var text = string.Join(' ', words);
            foreach (var query in new[]
                     {
                         new SearchQuery(text, First: 100), new SearchQuery(text, ["report", "norm"], First: 7),
                         new SearchQuery(text, First: 5, After: PageCursor.Encode("search", "4")),
                     })
            {
                var expected = await fts5.SearchAsync(query, Ct);
                var actual = await indexed.SearchAsync(query, Ct);
                Assert.True(expected.TotalCount == actual.TotalCount, $"'{text}': {expected.TotalCount} matches by FTS5, {actual.TotalCount} here");
                Assert.Equal(expected.Items, actual.Items);
                Assert.Equal(expected.HasNextPage, actual.HasNextPage);
            }
        }
    }

    private Task<EmbeddedGraphStore> OpenAsync(bool searchIndexInMemory) => _file.OpenAsync(searchIndexInMemory, Ct);

    private Task ExecuteAsync(string sql) => _file.ExecuteAsync(sql, Ct);

    public void Dispose() => _file.Dispose();
}
