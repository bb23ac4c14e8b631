namespace NormsGraph.Storage.Embedded;

/// <summary>Settings of the embedded store (section <c>Store:Embedded</c>).</summary>
public sealed class EmbeddedStoreOptions
{
    public const string SectionName = "Store:Embedded";

    /// <summary>Path of the SQLite file; its folder is created on first start.</summary>
    public string Path { get; set; } = "data/normsgraph.db";
}
