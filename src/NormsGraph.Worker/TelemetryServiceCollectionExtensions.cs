using NormsGraph.Ingestion;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace NormsGraph.Worker;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The ingestion metrics through OpenTelemetry, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var metrics = services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(IngestionMetrics.MeterName));
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            metrics.UseOtlpExporter();
        }
        return services;
    }
}
