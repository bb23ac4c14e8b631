namespace NormsGraph.Api.GraphQL.Paging;

/// <summary>One item of a connection with its cursor.</summary>
internal sealed record Edge<T>(string Cursor, T Node);
