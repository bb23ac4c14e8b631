namespace NormsGraph.Api.Security;

/// <summary>Who is calling: a named key and its scopes, an anonymous caller, or one that sent a key nobody knows.</summary>
internal sealed record ApiCaller(string Name, IReadOnlySet<string> Scopes, bool Authenticated, bool PresentedUnknownKey = false)
{
    public bool Can(string scope) => Scopes.Contains(scope);

    /// <summary>
    /// Why this caller may not do what needs <paramref name="scope"/> (<paramref name="what"/>, e.g. "Mutations"), or null
    /// when it may. The one rule GraphQL requests and the plain-HTTP reads both answer by: a key nobody knows and a missing
    /// key are 401, a known key without the scope is 403.
    /// </summary>
    public AccessRefusal? Refusal(string scope, string what) => this switch
    {
        { PresentedUnknownKey: true } => new(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", $"The {ApiKeyRing.Header} header holds no known key."),
        _ when Can(scope) => null,
        { Authenticated: true } => new(StatusCodes.Status403Forbidden, "FORBIDDEN", $"The key '{Name}' may not {Verb(scope)}; {what.ToLowerInvariant()} need the {scope} scope."),
        _ => new(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", $"{what} need a key with the {scope} scope in the {ApiKeyRing.Header} header."),
    };

    private static string Verb(string scope) => scope == ApiScopes.Read ? "read" : scope == ApiScopes.Write ? "write" : "administer";
}

/// <summary>A refused request: the HTTP status, the error's <c>extensions.code</c> and the message.</summary>
internal sealed record AccessRefusal(int Status, string Code, string Message);
