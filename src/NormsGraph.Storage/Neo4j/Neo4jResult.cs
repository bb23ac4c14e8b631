namespace NormsGraph.Storage.Neo4j;

/// <summary>The rows one statement returned.</summary>
internal sealed record Neo4jResult(IReadOnlyList<string> Fields, IReadOnlyList<Neo4jRecord> Records)
{
    public static Neo4jResult Empty { get; } = new([], []);

    /// <summary>The one row a statement that always returns one row returned.</summary>
    public Neo4jRecord Single() => Records.Count == 1
        ? Records[0]
        : throw new Neo4jException(Neo4jErrorKind.Protocol, null, $"Expected one row, got {Records.Count}.");
}
