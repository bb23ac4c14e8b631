namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>An error that decides the HTTP status of a request it rejects (405, 401, 403) instead of the usual 400.</summary>
internal interface IHasHttpStatus
{
    int HttpStatus { get; }
}
