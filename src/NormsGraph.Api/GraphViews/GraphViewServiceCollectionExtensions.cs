namespace NormsGraph.Api.GraphViews;

internal static class GraphViewServiceCollectionExtensions
{
    public static IServiceCollection AddGraphViews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphViewOptions>().Bind(configuration.GetSection(GraphViewOptions.SectionName))
            .Validate(o => o.CacheSeconds is >= 0 and <= 86_400, $"{GraphViewOptions.SectionName}:CacheSeconds must be between 0 and 86400.")
            .ValidateOnStart();
        return services;
    }
}
