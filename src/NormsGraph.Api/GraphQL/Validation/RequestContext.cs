using NormsGraph.Api.Security;

namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>The GraphQL user context of one HTTP request: who calls and with which HTTP method, for the transport rules and the audit log.</summary>
internal sealed class RequestContext : Dictionary<string, object?>
{
    public RequestContext(ApiCaller caller, string httpMethod)
    {
        Caller = caller;
        HttpMethod = httpMethod;
    }

    public ApiCaller Caller { get; }

    public string HttpMethod { get; }

    public static ApiCaller CallerOf(IDictionary<string, object?> userContext) =>
        userContext as RequestContext is { } request ? request.Caller : new ApiCaller("internal", ApiScopes.All, Authenticated: false);
}
