using NormsGraph.Core.Storage;
using NormsGraph.Storage.Embedded;
using NormsGraph.Storage.Tests.Contract;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>
/// The embedded store's cache of search rankings: bounded, and never answering from a ranking older than the search
/// documents, whoever changed them. It serves the FTS5 path, so these stores keep no index in memory (SearchIndexTests).
/// </summary>
public sealed class SearchRankingCacheTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TemporaryStoreFile _file = new();

    private static RankedMatch[] Matches(int count) => [.. Enumerable.Range(1, count).Select(i => new RankedMatch(i, 1.0 / i))];

    // What one entry of the given key and number of matches counts against the bound.
    private static long Cost(string match, int matches) => SearchRankingCache.Cost(new(match, ""), Matches(matches));

    [Fact]
    public void The_least_recently_used_ranking_leaves_first_when_the_bound_is_reached()
    {
        var cache = new SearchRankingCache(maxBytes: 2 * Cost("a", 3) + 1);
        cache.Add(new("a", ""), 1, Matches(3));
        cache.Add(new("b", ""), 1, Matches(3));
        Assert.True(cache.TryGet(new("a", ""), 1, out _));

        cache.Add(new("c", ""), 1, Matches(3));

        Assert.True(cache.TryGet(new("a", ""), 1, out _));
        Assert.False(cache.TryGet(new("b", ""), 1, out _));
        Assert.True(cache.TryGet(new("c", ""), 1, out _));
        Assert.Equal((2, 2 * Cost("a", 3)), cache.Size);
    }

    [Fact]
    public void A_new_generation_empties_it_and_an_older_one_is_not_kept()
    {
        var cache = new SearchRankingCache(maxBytes: 1 << 20);
        cache.Add(new("a", ""), 1, Matches(3));

        cache.Add(new("b", ""), 2, Matches(3));
        cache.Add(new("c", ""), 1, Matches(3));

        Assert.False(cache.TryGet(new("a", ""), 1, out _));
        Assert.False(cache.TryGet(new("a", ""), 2, out _));
        Assert.False(cache.TryGet(new("c", ""), 1, out _));
        Assert.True(cache.TryGet(new("b", ""), 2, out var ranked));
        Assert.Equal(3, ranked.Length);
        Assert.False(cache.TryGet(new("b", ""), 3, out _));
    }

    [Fact]
    public void Long_searches_without_matches_count_by_their_text_and_a_bound_of_zero_keeps_nothing()
    {
        // Searches of 500 characters that match nothing: counted by their matches alone, a bound never stopped them.
        var cache = new SearchRankingCache(maxBytes: 5 * Cost(new string('x', 500), 0));
        for (var i = 0; i < 50; i++)
        {
            cache.Add(new(new string('x', 497) + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), ""), 1, []);
        }
        Assert.Equal(5, cache.Size.Searches);
        Assert.True(cache.Size.Bytes <= 5 * Cost(new string('x', 500), 0));

        var off = new SearchRankingCache(maxBytes: 0);
        off.Add(new("a", ""), 1, []);
        Assert.False(off.TryGet(new("a", ""), 1, out _));
    }

    [Fact]
    public async Task A_repeated_search_is_answered_from_the_cache_while_the_generation_stands()
    {
        using var store = await OpenAsync();
        await store.ApplyAsync(TestGraphs.Report("Talks.\n\nAlpha spoke of disclosure.", new DateOnly(2020, 1, 1), "a.txt"), Ct);
        Assert.Single((await store.SearchAsync(new SearchQuery("disclosure"), Ct)).Items);

        // A document slipped in behind the generation's back (no writer does this: the triggers advance it) is not
        // seen, which shows the second search read the cached ranking; advancing the generation brings it in.
        await ExecuteAsync("""
            INSERT INTO search_docs (kind, id, title, body) VALUES ('report', 'slipped', 'Slipped', 'disclosure again');
            UPDATE search_generation SET n = n - 1;
            """);
        Assert.Single((await store.SearchAsync(new SearchQuery("disclosure"), Ct)).Items);

        await ExecuteAsync("UPDATE search_generation SET n = n + 1;");
        Assert.Equal(2, (await store.SearchAsync(new SearchQuery("disclosure"), Ct)).TotalCount);
    }

    [Fact]
    public async Task A_report_written_through_another_store_on_the_same_file_is_found_at_once()
    {
        // The API and an ingestion worker in another process share the file; each has its own cache.
        using var api = await OpenAsync();
        using var worker = await OpenAsync();
        await worker.ApplyAsync(TestGraphs.Report("Talks.\n\nAlpha spoke of disclosure.", new DateOnly(2020, 1, 1), "a.txt"), Ct);
        Assert.Equal(1, (await api.SearchAsync(new SearchQuery("disclosure"), Ct)).TotalCount);
        Assert.Equal(1, (await api.SearchAsync(new SearchQuery("disclosure", ["report"]), Ct)).TotalCount);
        Assert.Equal(2, api.SearchRankings.Size.Searches);

        await worker.ApplyAsync(TestGraphs.Report("Talks.\n\nBravo spoke of disclosure twice: disclosure.", new DateOnly(2020, 1, 2), "b.txt"), Ct);

        var all = await api.SearchAsync(new SearchQuery("disclosure"), Ct);
        Assert.Equal(2, all.TotalCount);
        Assert.Equal(2, (await api.SearchAsync(new SearchQuery("disclosure", ["report"]), Ct)).TotalCount);
        // The ranking is the new index's: the report that says it twice comes first.
        Assert.Equal("b.txt", (await api.GetReportsAsync([all.Items[0].Id], Ct))[all.Items[0].Id].Source);
    }

    [Fact]
    public async Task A_curated_alias_is_found_by_the_next_search()
    {
        using var store = await OpenAsync();
        await store.ApplyAsync(TestGraphs.Report("Chile agreed on law.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.IntlLaw, "Chile agreed on law.")), Ct);
        Assert.Empty((await store.SearchAsync(new SearchQuery("araucania", ["actor"]), Ct)).Items);

        await store.CurateAsync(new CurationRequest(CurationAction.AddAlias, TestGraphs.Chile.Id, "Araucania"), "curator", Ct);

        Assert.Equal(TestGraphs.Chile.Id, Assert.Single((await store.SearchAsync(new SearchQuery("araucania", ["actor"]), Ct)).Items).Id);
    }

    public void Dispose() => _file.Dispose();

    private Task<EmbeddedGraphStore> OpenAsync() => _file.OpenAsync(searchIndexInMemory: false, Ct);

    private Task ExecuteAsync(string sql) => _file.ExecuteAsync(sql, Ct);
}
