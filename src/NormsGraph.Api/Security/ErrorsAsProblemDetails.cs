namespace NormsGraph.Api.Security;

/// <summary>
/// Endpoint metadata: the endpoint answers errors as RFC 9457 problem details, so the rate limiter's refusal does too
/// (the GraphQL endpoint answers GraphQL errors instead).
/// </summary>
internal sealed class ErrorsAsProblemDetails;
