using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class PageInfoGraphType : ObjectGraphType<PositionPage>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor")
            .Resolve(ctx => ctx.Source.Items.Count == 0 ? null : PositionEdgeGraphType.CursorOf(ctx.Source.Items[^1]));
        Field<StringGraphType>("startCursor")
            .Resolve(ctx => ctx.Source.Items.Count == 0 ? null : PositionEdgeGraphType.CursorOf(ctx.Source.Items[0]));
    }
}
