namespace NormsGraph.Api.GraphQL.Paging;

/// <summary>Relay page info: forward paging only, so there is never a previous page to ask for.</summary>
internal sealed record PageInfo(bool HasNextPage, string? StartCursor, string? EndCursor);
