using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Validation;
using NormsGraph.Api.Security;
using NormsGraph.Core.Storage;
using GraphQLLifetime = GraphQL.DI.ServiceLifetime;

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
        var introspection = IntrospectionEnabled(configuration, environment);
        services.AddScoped<GraphLoaders>();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<KnownOperationValidator>();
        services.AddGraphQL(builder =>
        {
            // An operation that passed once is checked again by the request rules alone (KnownOperationValidator).
            builder.Services.Register<IDocumentValidator>(sp => sp.GetRequiredService<KnownOperationValidator>(), GraphQLLifetime.Singleton, replace: true);
            builder
                .AddSchema<NormsGraphSchema>()
                .AddGraphTypes(typeof(NormsGraphSchema).Assembly)
                .AddSystemTextJson()
                .AddExecutionStrategy<FieldPlanExecutionStrategy>(OperationType.Query)
                .AddErrorInfoProvider(o => o.ExposeExceptionDetails = environment.IsDevelopment())
                .AddValidationRule<TransportRule>(useForCachedDocuments: true)
                .ConfigureExecution(sp => sp.GetRequiredService<DocumentCache>())
                .ConfigureExecutionOptions(o =>
                {
                    o.EnableMetrics = false;
                    o.Timeout = options.ExecutionTimeout;
                    o.TimeoutAction = TimeoutAction.ReturnTimeoutError;
                    o.UnhandledExceptionDelegate = MapException(environment.IsDevelopment());
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

    /// <summary>Whether the schema may be read (<c>__schema</c>, <c>/schema.graphql</c>): <c>Api:Introspection</c>, else on in Development and on loopback.</summary>
    public static bool IntrospectionEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>()?.Introspection
        ?? (environment.IsDevelopment() || ListenAddresses.AllLoopback(ListenAddresses.From(configuration)));

    // Exceptions a resolver cannot prevent become coded errors instead of INTERNAL_SERVER_ERROR. Any other is a bug of
    // ours: logged with its stack, and answered as INTERNAL_SERVER_ERROR without the exception's type or message (GraphQL.NET
    // would otherwise name the type in `codes`) unless exception details are shown (Development).
    private static Func<UnhandledExceptionContext, Task> MapException(bool exposeDetails) => context =>
    {
        context.Exception = context.OriginalException switch
        {
            // The message without .NET's " (Parameter 'x')" suffix, which names our parameter, not the caller's argument.
            ArgumentException e => new ExecutionError(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal))
            {
                Code = "BAD_USER_INPUT",
            },
            CurationException e => new ExecutionError(e.Message) { Code = "BAD_USER_INPUT" },
            StoreUnavailableException e => new ExecutionError($"The store is unavailable; try again. {e.Message}") { Code = "STORE_UNAVAILABLE" },
            _ => Unexpected(context, exposeDetails),
        };
        return Task.CompletedTask;
    };

    private static ExecutionError Unexpected(UnhandledExceptionContext context, bool exposeDetails)
    {
        var path = context.FieldContext is { } field ? string.Join('.', field.ResponsePath) : "the request";
        // A failure in validation has no execution context, only the options.
        var services = context.Context?.RequestServices ?? context.ExecutionOptions?.RequestServices;
        if (services?.GetService<ILogger<NormsGraphSchema>>() is { } logger)
        {
            Log.ResolverFailed(logger, path, context.OriginalException);
        }
        var message = $"An internal error occurred while resolving {path}.";
        return exposeDetails
            ? new ExecutionError(message, context.OriginalException) { Code = "INTERNAL_SERVER_ERROR" }
            : new ExecutionError(message) { Code = "INTERNAL_SERVER_ERROR" };
    }
}
