using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Ingestion.Inbox;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the taxonomy, the extractor, the report pipeline, the start-up bootstrap (schema,
    /// taxonomy, samples) and, when <c>Ingestion:Enabled</c>, the inbox worker with its readiness check.
    /// </summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>());
        services.AddOptions<TaxonomyOptions>().Bind(configuration.GetSection(TaxonomyOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TaxonomyOptions>>().Value.Path is { Length: > 0 } path
            ? TaxonomyLoader.LoadFromDirectory(path)
            : TaxonomyLoader.LoadEmbedded());
        services.AddSingleton(sp => new ReportExtractor(sp.GetRequiredService<Taxonomy>()));
        services.AddSingleton<IValidator<ReportFile>, ReportFileValidator>();
        services.AddSingleton<IValidator<ReportSubmission>, ReportSubmissionValidator>();
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<IngestionState>();
        services.AddSingleton<ReportPipeline>();
        services.AddHostedService<GraphBootstrapper>();

        if (configuration.GetSection(IngestionOptions.SectionName).GetValue(nameof(IngestionOptions.Enabled), true))
        {
            services.AddSingleton<InboxFolders>();
            services.AddHostedService<InboxWorker>();
        }
        services.AddHealthChecks().AddCheck<IngestionHealthCheck>("ingestion", tags: ["ready"]);
        return services;
    }
}
