using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Embeddings;

public static class MatchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers target matching: the sentence encoder (all-MiniLM-L6-v2, or the disabled one when
    /// <c>Matching:Semantic</c> is false), the fusion weights, and an <see cref="ITargetMatcher"/> that consults
    /// the registered <see cref="IStoredEvidenceSource"/> when there is one. All singletons: the model loads once per process.
    /// </summary>
    public static IServiceCollection AddTargetMatching(this IServiceCollection services, IConfiguration configuration)
    {
        const string Section = MatchingOptions.SectionName;
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.Neighbours is >= 0 and <= 100, $"{Section}:Neighbours must be between 0 and 100.")
            .Validate(o => o.LexicalEvidence is >= 0 and <= 100, $"{Section}:LexicalEvidence must be between 0 and 100.")
            .Validate(o => o.ConfirmedWeight is >= 1 and <= 10, $"{Section}:ConfirmedWeight must be between 1 and 10.")
            .Validate(o => string.IsNullOrWhiteSpace(o.WeightsPath) || File.Exists(o.WeightsPath),
                $"{Section}:WeightsPath must name an existing fusion weights file.")
            .ValidateOnStart();

        services.AddSingleton<MiniLmSentenceEncoder>();
        services.AddSingleton<ISentenceEncoder>(sp => sp.GetRequiredService<IOptions<MatchingOptions>>().Value.Semantic
            ? sp.GetRequiredService<MiniLmSentenceEncoder>()
            : DisabledSentenceEncoder.Instance);
        services.AddSingleton(sp => LoadWeights(sp.GetRequiredService<IOptions<MatchingOptions>>().Value));
        services.AddSingleton(sp => new MatchingCatalog(sp.GetRequiredService<Taxonomy>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MatchingOptions>>().Value;
            return new HybridTargetMatcher(sp.GetRequiredService<MatchingCatalog>(), sp.GetRequiredService<ISentenceEncoder>(),
                sp.GetRequiredService<FusionWeights>(), sp.GetService<IStoredEvidenceSource>(), new MatcherSettings
                {
                    Neighbours = options.Neighbours,
                    LexicalEvidence = options.LexicalEvidence,
                    ConfirmedWeight = options.ConfirmedWeight,
                }, sp.GetRequiredService<TargetTextEncoder>().Encoder);
        });
        services.AddSingleton(sp => new TargetTextEncoder(new CachedSentenceEncoder(sp.GetRequiredService<ISentenceEncoder>(),
            sp.GetRequiredService<IOptions<MatchingOptions>>().Value.TargetVectorCache)));
        services.AddSingleton<ITargetMatcher>(sp => sp.GetRequiredService<HybridTargetMatcher>());
        services.AddSingleton(sp => new StatementVectorIndexer(sp.GetRequiredService<IStatementIndex>(), sp.GetRequiredService<ISentenceEncoder>()));
        services.AddHostedService<MatcherWarmup>();
        return services;
    }

    /// <summary>Adds the background indexing of stored evidence vectors (for hosts that run for long: API, worker).</summary>
    public static IServiceCollection AddEvidenceVectorIndexing(this IServiceCollection services)
    {
        services.AddHostedService<VectorIndexingService>();
        return services;
    }

    private static FusionWeights LoadWeights(MatchingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.WeightsPath))
        {
            return FusionWeights.BuiltIn();
        }
        using var stream = File.OpenRead(options.WeightsPath);
        return FusionWeights.Read(stream);
    }
}
