namespace NormsGraph.Api.Security;

/// <summary>
/// The plain-HTTP reads (graph-view exports, the schema, the benchmark endpoints) held to the rule GraphQL queries follow
/// (<see cref="GraphQL.Validation.TransportRule"/>): a key nobody knows is refused, and with <c>Api:ReadsNeedKey</c> a
/// caller needs a key that can read. Without this, <c>ReadsNeedKey=true</c> left the graph readable over these paths.
/// </summary>
internal static class ReadKeyFilter
{
    public static TBuilder RequireReadKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = http.RequestServices.GetRequiredService<ApiKeyRing>().Identify(http.Request.Headers[ApiKeyRing.Header].FirstOrDefault());
            return caller switch
            {
                { PresentedUnknownKey: true } => Refuse(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", $"The {ApiKeyRing.Header} header holds no known key."),
                _ when caller.Can(ApiScopes.Read) => await next(context),
                { Authenticated: true } => Refuse(StatusCodes.Status403Forbidden, "FORBIDDEN", $"The key '{caller.Name}' may not read."),
                _ => Refuse(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", $"Reads need a key with the read scope in the {ApiKeyRing.Header} header."),
            };
        });

    private static IResult Refuse(int status, string code, string message) =>
        Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status);
}
