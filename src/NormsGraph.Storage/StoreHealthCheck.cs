using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Embedded;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage;

/// <summary>Readiness: the configured store (embedded file or Neo4j server) answers a small query.</summary>
internal sealed class StoreHealthCheck(
    IGraphStore store,
    IOptions<StoreOptions> storeOptions,
    IOptions<EmbeddedStoreOptions> embeddedOptions,
    IOptions<Neo4jOptions> neo4jOptions) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = storeOptions.Value.Provider;
        var data = new Dictionary<string, object>
        {
            ["provider"] = provider.ToString(),
            ["location"] = Location(provider),
        };
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            data["reports"] = statistics.Reports;
            data["statements"] = statistics.Statements;
            return HealthCheckResult.Healthy(
                $"{provider} store at {data["location"]}: {statistics.Reports} reports, {statistics.Statements} statements.", data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{provider} store at {data["location"]} does not answer: {e.Message}", e, data);
        }
    }

    // Where the data is, without credentials: the file path, or the Neo4j endpoint and database.
    private string Location(StoreProvider provider) => provider switch
    {
        StoreProvider.Neo4j => $"{neo4jOptions.Value.Uri} (database {neo4jOptions.Value.Database})",
        _ => embeddedOptions.Value.Path,
    };
}
