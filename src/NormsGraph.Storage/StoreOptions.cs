namespace NormsGraph.Storage;

/// <summary>Which store backs the graph (section <c>Store</c>).</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    public StoreProvider Provider { get; set; } = StoreProvider.Embedded;
}

public enum StoreProvider
{
    Embedded,
    Neo4j,
}
