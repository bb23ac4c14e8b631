namespace NormsGraph.Api.Security;

/// <summary>
/// The plain-HTTP reads (graph-view exports, the schema, the benchmark endpoints) held to the rule GraphQL queries follow
/// (<see cref="GraphQL.Validation.TransportRule"/>, through <see cref="ApiCaller.Refusal"/>): a key nobody knows is
/// refused, and with <c>Api:ReadsNeedKey</c> a caller needs a key that can read. Without this, <c>ReadsNeedKey=true</c>
/// left the graph readable over these paths.
/// </summary>
internal static class ReadKeyFilter
{
    public static TBuilder RequireReadKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = http.RequestServices.GetRequiredService<ApiKeyRing>().Identify(http.Request.Headers[ApiKeyRing.Header].FirstOrDefault());
            return caller.Refusal(ApiScopes.Read, "Reads") is { } refusal
                ? Results.Json(Http.ErrorBody.Of(refusal.Message, refusal.Code), statusCode: refusal.Status)
                : await next(context);
        });
}
