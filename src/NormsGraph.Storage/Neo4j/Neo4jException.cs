namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// A Neo4j request failed: the HTTP status was 300 or more, or the body carried <c>errors</c> (the Query
/// API answers 202 for most failures). Transient failures reach callers as
/// <see cref="Core.Storage.StoreUnavailableException"/> once retries are spent; the rest arrive as this.
/// </summary>
public sealed class Neo4jException(Neo4jErrorKind kind, string? code, string message, int? statusCode = null, Exception? inner = null)
    : Exception(code is null ? message : $"{code}: {message}", inner)
{
    public Neo4jErrorKind Kind { get; } = kind;

    /// <summary>The Neo4j status code, e.g. <c>Neo.ClientError.Statement.SyntaxError</c>; null when the server sent none.</summary>
    public string? Code { get; } = code;

    /// <summary>The HTTP status of the answer; null when none arrived (connection failure, timeout).</summary>
    public int? StatusCode { get; } = statusCode;

    public bool IsTransient => Kind == Neo4jErrorKind.Transient;
}
