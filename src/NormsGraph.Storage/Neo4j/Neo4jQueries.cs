namespace NormsGraph.Storage.Neo4j;

/// <summary>Every statement the Neo4j store runs, one file each under <c>graph-schema/neo4j/queries</c>.</summary>
internal static class Neo4jQueries
{
    public static CypherQuery AppliedMigrations { get; } = CypherFiles.Query("applied_migrations");
    public static CypherQuery RecordMigration { get; } = CypherFiles.Query("record_migration");
    public static CypherQuery AwaitIndexes { get; } = CypherFiles.Query("await_indexes");

    public static CypherQuery UpsertFrameworks { get; } = CypherFiles.Query("upsert_frameworks");
    public static CypherQuery UpsertProcesses { get; } = CypherFiles.Query("upsert_processes");
    public static CypherQuery UpsertActors { get; } = CypherFiles.Query("upsert_actors");
    public static CypherQuery UpsertTargets { get; } = CypherFiles.Query("upsert_targets");

    public static CypherQuery ReportState { get; } = CypherFiles.Query("report_state");
    public static CypherQuery DeleteReport { get; } = CypherFiles.Query("delete_report");
    public static CypherQuery MergeProcess { get; } = CypherFiles.Query("merge_process");
    public static CypherQuery MergeEvent { get; } = CypherFiles.Query("merge_event");
    public static CypherQuery CreateReport { get; } = CypherFiles.Query("create_report");
    public static CypherQuery MergeStatements { get; } = CypherFiles.Query("merge_statements");
    public static CypherQuery RecomputePositions { get; } = CypherFiles.Query("recompute_positions");
    public static CypherQuery SetStatementStatus { get; } = CypherFiles.Query("set_statement_status");

    public static CypherQuery FindPositions { get; } = CypherFiles.Query("find_positions");
    public static CypherQuery CountPositions { get; } = CypherFiles.Query("count_positions");
    public static CypherQuery GetActors { get; } = CypherFiles.Query("get_actors");
    public static CypherQuery GetTargets { get; } = CypherFiles.Query("get_targets");
    public static CypherQuery GetReports { get; } = CypherFiles.Query("get_reports");
    public static CypherQuery ReadReports { get; } = CypherFiles.Query("read_reports");
    public static CypherQuery Statistics { get; } = CypherFiles.Query("statistics");
    public static CypherQuery GraphViewLinks { get; } = CypherFiles.Query("graph_view_links");
}
