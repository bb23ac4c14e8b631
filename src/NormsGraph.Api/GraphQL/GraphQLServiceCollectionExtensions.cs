using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Validation;
using NormsGraph.Api.Security;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL;

internal static class GraphQLServiceCollectionExtensions
{
    /// <summary>
    /// The schema, its per-request loaders and the executer: the transport rules and (unless enabled) the
    /// no-introspection rule and the depth and complexity limits on every document, cached or not; the execution
    /// timeout, the document cache; store and input exceptions as coded errors; exception details only in Development.
    /// </summary>
    public static IServiceCollection AddNormsGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        var introspection = options.Introspection ?? (environment.IsDevelopment() || ListenAddresses.AllLoopback(ListenAddresses.From(configuration)));
        services.AddScoped<GraphLoaders>();
        services.AddSingleton<DocumentCache>();
        services.AddGraphQL(builder =>
        {
            builder
                .AddSchema<NormsGraphSchema>()
                .AddGraphTypes(typeof(NormsGraphSchema).Assembly)
                .AddSystemTextJson()
                .AddErrorInfoProvider(o => o.ExposeExceptionDetails = environment.IsDevelopment())
                .AddValidationRule<TransportRule>(useForCachedDocuments: true)
                .ConfigureExecution(sp => sp.GetRequiredService<DocumentCache>())
                .ConfigureExecutionOptions(o =>
                {
                    o.EnableMetrics = false;
                    o.Timeout = options.ExecutionTimeout;
                    o.TimeoutAction = TimeoutAction.ReturnTimeoutError;
                    o.UnhandledExceptionDelegate = MapException;
                })
                .AddValidationRule(new CachedDocumentComplexityRule(new ComplexityOptions { MaxDepth = options.MaxDepth, MaxComplexity = options.MaxComplexity }),
                    useForCachedDocuments: true);
            if (!introspection)
            {
                builder.AddValidationRule(NoIntrospectionValidationRule.Instance, useForCachedDocuments: true);
            }
        });
        return services;
    }

    // Exceptions a resolver cannot prevent become coded errors instead of INTERNAL_SERVER_ERROR.
    private static Task MapException(UnhandledExceptionContext context)
    {
        context.Exception = context.OriginalException switch
        {
            ArgumentException e => new ExecutionError(e.Message) { Code = "BAD_USER_INPUT" },
            CurationException e => new ExecutionError(e.Message) { Code = "BAD_USER_INPUT" },
            StoreUnavailableException e => new ExecutionError($"The store is unavailable; try again. {e.Message}") { Code = "STORE_UNAVAILABLE" },
            _ => context.Exception,
        };
        return Task.CompletedTask;
    }
}
