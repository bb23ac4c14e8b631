using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>The test-only Cypher files (Neo4j/Cypher), embedded in this assembly.</summary>
internal static class TestCypher
{
    public static Neo4jStatement ClearDatabase { get; } = Load("clear_database");

    public static Neo4jStatement PositionEdges { get; } = Load("position_edges");

    public static Neo4jStatement Ready { get; } = Load("ready");

    private static Neo4jStatement Load(string name)
    {
        using var stream = typeof(TestCypher).Assembly.GetManifestResourceStream($"NormsGraph.Storage.Tests.Cypher.{name}.cypher")
            ?? throw new InvalidOperationException($"Test Cypher '{name}' is not embedded.");
        using var reader = new StreamReader(stream);
        return new Neo4jStatement(name, reader.ReadToEnd(), new Dictionary<string, object?>());
    }
}
