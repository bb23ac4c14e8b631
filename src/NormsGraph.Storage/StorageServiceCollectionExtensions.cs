using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Embedded;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage;

public static partial class StorageServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="IGraphStore"/> chosen by <c>Store:Provider</c> and its readiness check.</summary>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName)).ValidateOnStart();
        services.AddOptions<EmbeddedStoreOptions>().Bind(configuration.GetSection(EmbeddedStoreOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{EmbeddedStoreOptions.SectionName}:Path must name a file.")
            .Validate(o => o.SearchCacheMegabytes >= 0, $"{EmbeddedStoreOptions.SectionName}:SearchCacheMegabytes must be 0 (off) or more.")
            .ValidateOnStart();

        var provider = configuration.GetSection(StoreOptions.SectionName).Get<StoreOptions>()?.Provider ?? StoreProvider.Embedded;
        switch (provider)
        {
            case StoreProvider.Embedded:
                services.AddSingleton<EmbeddedGraphStore>(sp =>
                {
                    var options = sp.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value;
                    return new EmbeddedGraphStore(options.Path, sp.GetService<TimeProvider>(), options.SearchCacheMegabytes, options.SearchIndexInMemory,
                        sp.GetService<ILogger<EmbeddedGraphStore>>());
                });
                services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<EmbeddedGraphStore>());
                services.AddSingleton<IStatementIndex>(sp => new EmbeddedStatementIndex(sp.GetRequiredService<EmbeddedGraphStore>()));
                break;
            case StoreProvider.Neo4j:
                AddNeo4jStore(services, configuration);
                services.AddSingleton<IStatementIndex, Neo4jStatementIndex>();
                break;
            default:
                throw new OptionsValidationException(StoreOptions.SectionName, typeof(StoreOptions),
                    [$"Store:Provider '{provider}' is not available in this build."]);
        }
        // Linking's view of the store: stored statements as evidence (see Core/Matching).
        services.AddSingleton<IStoredEvidenceSource>(sp => sp.GetRequiredService<IStatementIndex>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return services;
    }
}
