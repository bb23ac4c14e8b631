using Microsoft.Extensions.Diagnostics.HealthChecks;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage;

/// <summary>Readiness: the store answers a small query.</summary>
internal sealed class StoreHealthCheck(IGraphStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{store.GetType().Name}: {statistics.Reports} reports, {statistics.Statements} statements.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{store.GetType().Name} does not answer: {e.Message}");
        }
    }
}
