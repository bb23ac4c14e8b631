namespace NormsGraph.Api.Http;

/// <summary>
/// The body of an error answered outside GraphQL execution (a bad request, a refused read, the rate limit): one error
/// with its <c>extensions.code</c>, in the shape of a GraphQL answer, so a client reads every error the same way.
/// </summary>
internal static class ErrorBody
{
    public static object Of(string message, string code) => new { errors = new[] { new { message, extensions = new { code } } } };
}
