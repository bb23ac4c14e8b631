using NormsGraph.Core.Storage;
using NormsGraph.Storage.Tests.Contract;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>When the in-memory search index cannot be brought up to date, FTS5 answers, and the search does not fail.</summary>
public sealed class SearchIndexFeedTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TemporaryStoreFile _file = new();

    [Fact]
    public async Task A_refresh_that_fails_leaves_the_search_to_FTS5()
    {
        using var store = await _file.OpenAsync(searchIndexInMemory: true, Ct);
        await store.ApplyAsync(TestGraphs.Report("Talks.\n\nAlpha spoke of disclosure.", new DateOnly(2020, 1, 1), "a.txt"), Ct);
        Assert.Equal(1, (await store.SearchAsync(new SearchQuery("disclosure"), Ct)).TotalCount);
        Assert.Equal(1, store.SearchIndex!.Answered);

        // Another process writes a second report, then the change log is out of reach (as an older build's file
        // might be): the index cannot learn what changed.
        await store.ApplyAsync(TestGraphs.Report("Talks.\n\nBravo spoke of disclosure.", new DateOnly(2020, 1, 2), "b.txt"), Ct);
        await _file.ExecuteAsync("ALTER TABLE search_doc_changes RENAME TO search_doc_changes_away;", Ct);

        Assert.Equal(2, (await store.SearchAsync(new SearchQuery("disclosure"), Ct)).TotalCount);
        Assert.Equal(2, (await store.SearchAsync(new SearchQuery("disclosure"), Ct)).TotalCount);
        Assert.Equal(1, store.SearchIndex.Answered);
    }

    public void Dispose() => _file.Dispose();
}
