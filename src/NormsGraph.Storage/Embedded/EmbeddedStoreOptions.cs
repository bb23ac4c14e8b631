namespace NormsGraph.Storage.Embedded;

/// <summary>Settings of the embedded store (section <c>Store:Embedded</c>).</summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "Store:Embedded";

    /// <summary>Path of the SQLite file; its folder is created on first start.</summary>
    public string Path { get; set; } = "data/normsgraph.db";

    public const int DefaultSearchCacheMatches = 1_000_000;

    /// <summary>
    /// How many ranked search matches to keep between requests (16 bytes each, so 16 MB by default); 0 turns the cache
    /// off. A ranking stays valid until a search document changes, so paging or repeating a search reads one page.
    /// </summary>
    public int SearchCacheMatches { get; set; } = DefaultSearchCacheMatches;
}
