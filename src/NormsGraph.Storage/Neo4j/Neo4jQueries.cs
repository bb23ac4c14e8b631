namespace NormsGraph.Storage.Neo4j;

/// <summary>Every statement the Neo4j store runs, one file each under <c>graph-schema/neo4j/queries</c>.</summary>
internal static class Neo4jQueries
{
    public static CypherQuery AppliedMigrations { get; } = CypherFiles.Query("applied_migrations");
    public static CypherQuery RecordMigration { get; } = CypherFiles.Query("record_migration");
    public static CypherQuery AwaitIndexes { get; } = CypherFiles.Query("await_indexes");
    public static CypherQuery RepairReportSources { get; } = CypherFiles.Query("repair_report_sources");

    // Writes: each is one self-contained auto-commit request, safe to send again (see docs/neo4j.md).
    public static CypherQuery ApplyTaxonomy { get; } = CypherFiles.Query("apply_taxonomy");
    public static CypherQuery ApplyReport { get; } = CypherFiles.Query("apply_report");
    public static CypherQuery SetStatementStatus { get; } = CypherFiles.Query("set_statement_status");

    public static CypherQuery FindPositionsByTarget { get; } = CypherFiles.Query("find_positions_by_target");
    public static CypherQuery FindPositionsByActor { get; } = CypherFiles.Query("find_positions_by_actor");
    public static CypherQuery FindPositionsByReport { get; } = CypherFiles.Query("find_positions_by_report");
    public static CypherQuery FindPositionsAll { get; } = CypherFiles.Query("find_positions_all");
    public static CypherQuery CountPositions { get; } = CypherFiles.Query("count_positions");
    public static CypherQuery FindEvidence { get; } = CypherFiles.Query("find_evidence");
    public static CypherQuery FindPositionPages { get; } = CypherFiles.Query("find_position_pages");
    public static CypherQuery CountPositionPages { get; } = CypherFiles.Query("count_position_pages");
    public static CypherQuery GetActors { get; } = CypherFiles.Query("get_actors");
    public static CypherQuery ResolveActor { get; } = CypherFiles.Query("resolve_actor");
    public static CypherQuery GetTargets { get; } = CypherFiles.Query("get_targets");
    public static CypherQuery GetReports { get; } = CypherFiles.Query("get_reports");
    public static CypherQuery ReadReports { get; } = CypherFiles.Query("read_reports");
    public static CypherQuery Statistics { get; } = CypherFiles.Query("statistics");
    public static CypherQuery GraphViewLinks { get; } = CypherFiles.Query("graph_view_links");
}
