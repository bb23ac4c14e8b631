using NormsGraph.Ingestion;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace NormsGraph.Api;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>Metrics through OpenTelemetry; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    public static IServiceCollection AddNormsGraphTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var metrics = services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(IngestionMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting"));
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            metrics.UseOtlpExporter();
        }
        return services;
    }
}
