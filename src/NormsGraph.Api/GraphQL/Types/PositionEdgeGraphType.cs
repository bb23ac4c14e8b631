using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class PositionEdgeGraphType : ObjectGraphType<PositionRecord>
{
    public PositionEdgeGraphType()
    {
        Name = "PositionEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => PositionPage.CursorOf(ctx.Source));
        Field<NonNullGraphType<PositionGraphType>>("node").Resolve(ctx => ctx.Source);
    }
}
