using System.Globalization;
using Microsoft.Extensions.Logging;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// Brings a database to the schema of <c>graph-schema/neo4j/migrations</c> at start-up. Applied versions are
/// recorded as <c>(:Migration {version})</c> nodes in the graph, so every replica agrees; every statement is
/// idempotent, so replicas starting together or a start that died half-way both end in the same schema. Then, at
/// every start, it repairs what a build older than the schema may have written since (repair_report_sources.cypher).
/// </summary>
internal sealed class Neo4jMigrator(Neo4jQueryClient client, TimeProvider clock, ILogger<Neo4jMigrator> logger)
{
    private const int IndexWaitSeconds = 20;

    public static IReadOnlyList<CypherMigration> Migrations { get; } = CypherFiles.Migrations();

    /// <summary>Applies what is missing and returns the schema version now in place.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var appliedRows = await client.RunAsync(Neo4jQueries.AppliedMigrations.With(), cancellationToken);
        var applied = appliedRows.Records.Select(r => r.GetInt32("version")).ToHashSet();
        var changed = false;
        foreach (var migration in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            // One request per statement: schema commands cannot share a transaction with each other's data
            // writes, and the Query API runs one statement per request.
            for (var i = 0; i < migration.Statements.Count; i++)
            {
                await client.RunAsync(new Neo4jStatement($"{migration.Name}#{i + 1}", migration.Statements[i], new Dictionary<string, object?>()),
                    cancellationToken);
            }
            await client.RunAsync(Neo4jQueries.RecordMigration.With(
                ("version", migration.Version),
                ("name", migration.Name),
                ("appliedAt", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))), cancellationToken);
            Log.MigrationApplied(logger, migration.Version, migration.Name);
            changed = true;
        }
        if (changed)
        {
            await AwaitIndexesAsync(cancellationToken);
        }
        // At every start, not once: a build from before migration 8 may have written since the last one.
        var repaired = (await client.RunAsync(Neo4jQueries.RepairReportSources.With(), cancellationToken)).Records.Single().GetInt32("repaired");
        if (repaired > 0)
        {
            Log.ReportSourcesRepaired(logger, repaired);
        }
        var version = Migrations.Count == 0 ? 0 : Migrations[^1].Version;
        Log.SchemaReady(logger, version, client.DatabaseName);
        return version;
    }

    // New indexes fill in the background. Waiting a little keeps the first queries off label scans; waiting
    // longer than a request may take is pointless, since queries are correct without the index anyway.
    private async Task AwaitIndexesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.RunAsync(Neo4jQueries.AwaitIndexes.With(("timeoutSeconds", IndexWaitSeconds)), cancellationToken);
        }
        catch (Neo4jException e) when (e.Kind is Neo4jErrorKind.Client or Neo4jErrorKind.Database)
        {
            Log.IndexesNotOnline(logger, e.Message);
        }
    }
}
