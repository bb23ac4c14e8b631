using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Embeddings;

namespace NormsGraph.Api.GraphQL.Linking;

internal static class LinkingServiceCollectionExtensions
{
    /// <summary>Target matching (model loaded once per process), background evidence vectors, and the linkStatement / addStatement services.</summary>
    public static IServiceCollection AddLinking(this IServiceCollection services, IConfiguration configuration)
    {
        const string Section = LinkingOptions.SectionName;
        services.AddOptions<LinkingOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.MaxStatementChars is > 0 and <= 100_000, $"{Section}:MaxStatementChars must be between 1 and 100000.")
            .Validate(o => o.AutoTargetThreshold is >= 0 and <= 1, $"{Section}:AutoTargetThreshold must be between 0 and 1.")
            .Validate(o => o.MaxAutoTargets is >= 1 and <= 10, $"{Section}:MaxAutoTargets must be between 1 and 10.")
            .ValidateOnStart();
        services.AddTargetMatching(configuration);
        services.AddEvidenceVectorIndexing();
        services.AddSingleton<StatementLinker>();
        services.AddSingleton<StatementFiling>();
        return services;
    }
}
