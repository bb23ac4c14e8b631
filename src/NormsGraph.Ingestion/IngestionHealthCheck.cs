using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NormsGraph.Ingestion;

/// <summary>
/// Readiness of the inbox worker: unhealthy when it is not running, degraded for a minute after an
/// error (a refused pass, a store that stayed unavailable), with the last error in the data.
/// </summary>
internal sealed class IngestionHealthCheck(IngestionState state, IOptions<IngestionOptions> options, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan RecentError = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Inbox worker disabled in this process."));
        }
        var data = new Dictionary<string, object>
        {
            ["running"] = state.Running,
            ["workerId"] = state.WorkerId ?? "",
            ["lastPassAt"] = state.LastPassAt?.ToString("O") ?? "never",
        };
        var (message, at) = state.LastError;
        if (message is not null)
        {
            data["lastError"] = message;
            data["lastErrorAt"] = at!.Value.ToString("O");
        }
        if (!state.Running)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Inbox worker is not running.", data: data));
        }
        var recentError = at is { } when && clock.GetUtcNow() - when < RecentError;
        return Task.FromResult(recentError
            ? HealthCheckResult.Degraded($"Inbox worker running; last error: {message}", data: data)
            : HealthCheckResult.Healthy("Inbox worker running.", data));
    }
}
