using NormsGraph.Api.Security;

namespace NormsGraph.Api.Http;

internal static class GraphQLEndpointRouteBuilderExtensions
{
    public static IEndpointConventionBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/graphql") =>
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], GraphQLHttpHandler.HandleAsync)
            .RequireCors(ApiSecurityServiceCollectionExtensions.CorsPolicy)
            .RequireRateLimiting(ApiSecurityServiceCollectionExtensions.RateLimitPolicy);
}
