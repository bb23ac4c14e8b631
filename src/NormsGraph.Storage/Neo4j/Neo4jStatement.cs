namespace NormsGraph.Storage.Neo4j;

/// <summary>A Cypher statement and its parameters; values always travel as parameters, never inside the text.</summary>
internal sealed record Neo4jStatement(string Name, string Text, IReadOnlyDictionary<string, object?> Parameters);
