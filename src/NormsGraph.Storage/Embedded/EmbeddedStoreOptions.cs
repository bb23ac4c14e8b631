namespace NormsGraph.Storage.Embedded;

/// <summary>Settings of the embedded store (section <c>Store:Embedded</c>).</summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "Store:Embedded";

    /// <summary>Path of the SQLite file; its folder is created on first start.</summary>
    public string Path { get; set; } = "data/normsgraph.db";

    public const int DefaultSearchCacheMegabytes = 16;

    /// <summary>
    /// Megabytes of search rankings kept between requests (their texts included); 0 turns the cache off. A ranking stays
    /// valid until a search document changes, so paging or repeating a search reads one page.
    /// </summary>
    public int SearchCacheMegabytes { get; set; } = DefaultSearchCacheMegabytes;

    /// <summary>
    /// Whether searches read an index of the search documents kept in memory (about 15 MB per 10,000 generated reports)
    /// instead of ranking every match through FTS5; FTS5 still answers while the index catches up with a large change.
    /// </summary>
    public bool SearchIndexInMemory { get; set; } = true;
}
