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

    /// <summary>Nodes and edges around a focus for dashboards (see <see cref="GraphViewQuery"/> and <see cref="GraphViewBuilder"/>).</summary>
    Task<GraphView> GetGraphViewAsync(GraphViewQuery query, CancellationToken cancellationToken);
}
