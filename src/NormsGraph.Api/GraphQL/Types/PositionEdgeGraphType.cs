using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class PositionEdgeGraphType : ObjectGraphType<PositionRecord>
{
    public PositionEdgeGraphType()
    {
        Name = "PositionEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => CursorOf(ctx.Source));
        Field<NonNullGraphType<PositionGraphType>>("node").Resolve(ctx => ctx.Source);
    }

    public static string CursorOf(PositionRecord position) =>
        new PositionCursor(PositionCursor.SortKey(position.Date), position.Id).Encode();
}
