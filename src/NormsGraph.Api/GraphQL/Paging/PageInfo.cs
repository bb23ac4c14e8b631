using GraphQL;

namespace NormsGraph.Api.GraphQL.Paging;

/// <summary>
/// Relay page info. Paging is forward only (<c>first</c>, <c>after</c>), where Relay lets <c>hasPreviousPage</c> say
/// whether items come before <c>after</c>: true whenever the connection was asked for a page after a cursor.
/// </summary>
internal sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor)
{
    /// <summary>The page info of the connection that <paramref name="pageInfoField"/> (its <c>pageInfo</c> field) belongs to.</summary>
    public static PageInfo Of(IResolveFieldContext pageInfoField, bool hasNextPage, string? startCursor, string? endCursor) =>
        new(hasNextPage, pageInfoField.Parent?.GetArgument<string?>("after") is not null, startCursor, endCursor);
}
