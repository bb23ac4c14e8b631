namespace NormsGraph.Storage.Neo4j;

/// <summary>The analysts' reads and curation statements, one file each under <c>graph-schema/neo4j/queries</c> (kept apart from the write path's <see cref="Neo4jQueries"/>).</summary>
internal static class Neo4jAnalystCypher
{
    public static CypherQuery Edges { get; } = CypherFiles.Query("analyst_edges");
    public static CypherQuery StatementEdges { get; } = CypherFiles.Query("analyst_statement_edges");
    public static CypherQuery ActorStances { get; } = CypherFiles.Query("analyst_actor_stances");
    public static CypherQuery Timeline { get; } = CypherFiles.Query("analyst_timeline");
    public static CypherQuery TimelineJoined { get; } = CypherFiles.Query("analyst_timeline_joined");
    public static CypherQuery AlignmentEdges { get; } = CypherFiles.Query("analyst_alignment_edges");
    public static CypherQuery Coalitions { get; } = CypherFiles.Query("analyst_coalitions");
    public static CypherQuery Search { get; } = CypherFiles.Query("analyst_search");
    public static CypherQuery Reports { get; } = CypherFiles.Query("analyst_reports");
    public static CypherQuery StanceReports { get; } = CypherFiles.Query("analyst_stance_reports");
    public static CypherQuery Events { get; } = CypherFiles.Query("analyst_events");
    public static CypherQuery ReportText { get; } = CypherFiles.Query("analyst_report_text");
    public static CypherQuery Statistics { get; } = CypherFiles.Query("analyst_statistics");
    public static CypherQuery Top { get; } = CypherFiles.Query("analyst_top");
    public static CypherQuery TopDated { get; } = CypherFiles.Query("analyst_top_dated");
    public static CypherQuery Periods { get; } = CypherFiles.Query("analyst_periods");

    // Curation: each change is one statement that also writes its audit entry (see Neo4jCuration).
    public static CypherQuery SetStatus { get; } = CypherFiles.Query("curation_set_status");
    public static CypherQuery SetStance { get; } = CypherFiles.Query("curation_set_stance");
    public static CypherQuery SetTarget { get; } = CypherFiles.Query("curation_set_target");
    public static CypherQuery MergeActors { get; } = CypherFiles.Query("curation_merge_actors");
    public static CypherQuery SetActor { get; } = CypherFiles.Query("curation_set_actor");
    public static CypherQuery Replay { get; } = CypherFiles.Query("curation_replay");
    public static CypherQuery AuditLog { get; } = CypherFiles.Query("curation_audit_log");
}
