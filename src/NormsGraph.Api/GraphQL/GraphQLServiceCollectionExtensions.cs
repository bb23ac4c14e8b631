using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NormsGraph.Api.GraphQL.Loading;

namespace NormsGraph.Api.GraphQL;

internal static class GraphQLServiceCollectionExtensions
{
    /// <summary>The schema, its per-request loaders and the executer; exception details only in Development.</summary>
    public static IServiceCollection AddNormsGraphQL(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddScoped<GraphLoaders>();
        services.AddGraphQL(builder => builder
            .AddSchema<NormsGraphSchema>()
            .AddGraphTypes(typeof(NormsGraphSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = environment.IsDevelopment())
            .ConfigureExecutionOptions(options => options.EnableMetrics = false)
            .AddComplexityAnalyzer(options =>
            {
                options.MaxDepth = 12;
                options.MaxComplexity = 50_000;
            }));
        return services;
    }
}
