namespace NormsGraph.Storage.Neo4j;

/// <summary>Linking's statements, one file each under <c>graph-schema/neo4j/queries</c> (kept apart from the store's own list).</summary>
internal static class Neo4jLinkingQueries
{
    public static CypherQuery Nearest { get; } = CypherFiles.Query("statements_nearest");
    public static CypherQuery FullText { get; } = CypherFiles.Query("statements_fulltext");
    public static CypherQuery WithoutVector { get; } = CypherFiles.Query("statements_without_vector");
    public static CypherQuery SaveVectors { get; } = CypherFiles.Query("save_statement_vectors");
}
