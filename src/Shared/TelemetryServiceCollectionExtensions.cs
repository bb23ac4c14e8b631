using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Ingestion;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace NormsGraph.Hosting;

/// <summary>
/// Telemetry set up once for every host (compiled into the Api and the Worker): the ingestion meter plus any the
/// host adds, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddNormsGraphTelemetry(this IServiceCollection services, IConfiguration configuration, params string[] meters)
    {
        var metrics = services.AddOpenTelemetry().WithMetrics(m => m.AddMeter([IngestionMetrics.MeterName, .. meters]));
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            metrics.UseOtlpExporter();
        }
        return services;
    }
}
