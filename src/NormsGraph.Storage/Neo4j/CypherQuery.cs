namespace NormsGraph.Storage.Neo4j;

/// <summary>One statement file of <c>graph-schema/neo4j/queries</c>, ready to be given its parameters.</summary>
internal sealed record CypherQuery(string Name, string Text)
{
    public Neo4jStatement With(params (string Name, object? Value)[] parameters) =>
        new(Name, Text, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));
}
