using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// The one port to the graph. Adapters (embedded SQLite, Neo4j) must give the same answers; the
/// store contract test suite holds them to it.
/// </summary>
public interface IGraphStore
{
    /// <summary>Creates or migrates the schema; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Upserts the curated vocabulary (frameworks, norms, principles, processes, actors).</summary>
    Task ApplyTaxonomyAsync(TaxonomyGraph taxonomy, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one report's graph in one transaction. The same report (same id) from the same
    /// extractor version again changes nothing (<see cref="ApplyOutcome.Unchanged"/>). The same report
    /// from a different <see cref="Report.ExtractorVersion"/> has its extraction replaced: its old
    /// statements go, the new ones come in, the report keeps its id and first ingestion time, and the
    /// outcome is <see cref="ApplyOutcome.Replaced"/> with <see cref="ApplyResult.ReplacedReportId"/>
    /// equal to its own id (this is how re-extraction updates the graph). A new version of a report from
    /// the same source replaces the old one (<see cref="ApplyResult.ReplacedReportId"/> names the old one).
    /// In every replacement, curation decisions on statements that still exist are kept.
    /// </summary>
    Task<ApplyResult> ApplyAsync(ReportGraph graph, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, Actor>> GetActorsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, Target>> GetTargetsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, ReportSummary>> GetReportsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<PositionPage> FindPositionsAsync(PositionQuery query, CancellationToken cancellationToken);

    /// <summary>Sets a statement's curation status; false when no statement has that id.</summary>
    Task<bool> SetStatementStatusAsync(string statementId, StatementStatus status, CancellationToken cancellationToken);

    /// <summary>Every stored report with its text, source, format and extractor version, for re-extraction.</summary>
    IAsyncEnumerable<Report> ReadReportsAsync(CancellationToken cancellationToken);

    Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>Position edges by target, actor, stance and filters ("who supported X", "what A said, by target").</summary>
    Task<Page<PositionEdge>> FindPositionEdgesAsync(PositionEdgeQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The evidence behind several position edges in one call: for each, its first <paramref name="first"/> non-rejected
    /// statements in <see cref="FindPositionsAsync"/>'s order (oldest report first), the same rows that
    /// <c>FindPositionsAsync(new PositionQuery(target, actor, stance, first))</c> gives. A page of edges with its evidence
    /// then costs one store call instead of one per edge. Edges with no such statement are left out. An edge key with a
    /// filter gives only the statements that pass it.
    /// </summary>
    Task<IReadOnlyDictionary<PositionEdgeKey, IReadOnlyList<PositionRecord>>> FindEvidenceAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        CancellationToken cancellationToken);

    /// <summary>
    /// The reports behind several position edges in one call: for each edge, the reports holding a non-rejected statement
    /// of its actor, target and stance, oldest first (undated last), then by id; a page of <paramref name="first"/>
    /// after <paramref name="after"/> (a cursor of this list, applied to every edge) with the edge's total. Every edge
    /// asked for has a page, empty when it has no such report. An edge key with a filter counts only the statements that
    /// pass it.
    /// </summary>
    Task<IReadOnlyDictionary<PositionEdgeKey, Page<ReportSummary>>> FindStanceReportsAsync(IReadOnlyCollection<PositionEdgeKey> edges, int first,
        string? after, CancellationToken cancellationToken);

    /// <summary>
    /// The first page of several actors', targets' or reports' positions in one call: for each id as asked, the page
    /// and total that <see cref="FindPositionsAsync"/> gives for <paramref name="filter"/> with that id as its
    /// <paramref name="anchor"/> (a merged actor's old id answers for the actor it was merged into, as there). Every id
    /// asked for has a page, empty when nothing has it. <paramref name="filter"/> has no cursor (a later page is a
    /// call of its own) and names no id of the anchor's kind.
    /// </summary>
    Task<IReadOnlyDictionary<string, PositionPage>> FindPositionPagesAsync(PositionAnchor anchor, IReadOnlyCollection<string> ids, PositionQuery filter,
        CancellationToken cancellationToken);

    /// <summary>
    /// The first page of several actors' stances in one call: for each actor id as asked (a merged actor's old id
    /// answers for the actor it was merged into), the page
    /// <c>FindPositionEdgesAsync(new PositionEdgeQuery(ActorId: id, Stance: stance, First: first))</c> gives. Every id
    /// asked for has a page, empty when no actor has it.
    /// </summary>
    Task<IReadOnlyDictionary<string, Page<PositionEdge>>> FindActorStancesAsync(IReadOnlyCollection<string> actorIds, Stance? stance, int first,
        CancellationToken cancellationToken);

    /// <summary>Per period and stance, the distinct actors on a target and who joined; dated periods only, oldest first.</summary>
    Task<IReadOnlyList<TimelinePeriod>> GetTimelineAsync(string targetId, TimelineGranularity granularity, CancellationToken cancellationToken);

    /// <summary>Actors ranked by how alike their positions are to <paramref name="actorId"/>'s (see <see cref="Alignment"/>).</summary>
    Task<Page<AlignedActor>> FindAlignedActorsAsync(string actorId, int first, string? after, CancellationToken cancellationToken);

    /// <summary>Actors taking <paramref name="stance"/> on a target, grouped by actor type and by process, largest groups first.</summary>
    Task<IReadOnlyList<Coalition>> GetCoalitionsAsync(string targetId, Stance stance, CancellationToken cancellationToken);

    /// <summary>Full-text search over actors, targets, processes and reports, best first.</summary>
    Task<Page<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    Task<Page<ReportSummary>> FindReportsAsync(ReportQuery query, CancellationToken cancellationToken);

    Task<Page<EventRecord>> FindEventsAsync(ReportQuery query, CancellationToken cancellationToken);

    /// <summary>A report's source text; null when no report has that id.</summary>
    Task<string?> GetReportTextAsync(string reportId, CancellationToken cancellationToken);

    /// <summary>
    /// Counts per label and relationship (the whole graph), the most supported targets and most active actors, and activity
    /// per period. With <paramref name="from"/> or <paramref name="to"/> the rankings count only statements of dated reports
    /// in that range, and only the periods in it are listed.
    /// </summary>
    Task<GraphStatistics> GetGraphStatisticsAsync(TimelineGranularity granularity, int top, DateOnly? from, DateOnly? to, CancellationToken cancellationToken);

    /// <summary>
    /// Makes one curation change and records it (who, when, before, after) in the same transaction. Null when the
    /// subject does not exist; a <see cref="CurationException"/> when the value is not acceptable.
    /// </summary>
    Task<AuditEntry?> CurateAsync(CurationRequest request, string who, CancellationToken cancellationToken);

    /// <summary>Recorded curation changes, oldest first, optionally only those about one subject.</summary>
    Task<Page<AuditEntry>> GetAuditLogAsync(string? subject, int first, string? after, CancellationToken cancellationToken);
    /// <summary>Nodes and edges around a focus for dashboards (see <see cref="GraphViewQuery"/> and <see cref="GraphViewBuilder"/>).</summary>
    Task<GraphView> GetGraphViewAsync(GraphViewQuery query, CancellationToken cancellationToken);
}
