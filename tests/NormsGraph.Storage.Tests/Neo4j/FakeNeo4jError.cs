namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>A failure the imitation answers with a Neo4j status code, as the Query API reports errors.</summary>
internal sealed class FakeNeo4jError(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
