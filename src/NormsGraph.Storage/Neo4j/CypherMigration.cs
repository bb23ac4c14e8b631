namespace NormsGraph.Storage.Neo4j;

/// <summary>One numbered file of <c>graph-schema/neo4j/migrations</c>, split into the statements it holds.</summary>
internal sealed record CypherMigration(int Version, string Name, IReadOnlyList<string> Statements);
