using GraphQL.Types;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>Relay-style connection over a <see cref="PositionPage"/>.</summary>
internal sealed class PositionConnectionGraphType : ObjectGraphType<PositionPage>
{
    public PositionConnectionGraphType()
    {
        Name = "PositionConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PositionEdgeGraphType>>>>("edges")
            .Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PositionGraphType>>>>("nodes")
            .Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo")
            .Resolve(ctx => PageInfo.Of(ctx, ctx.Source.HasNextPage, ctx.Source.Items.Count == 0 ? null : PositionPage.CursorOf(ctx.Source.Items[0]),
                ctx.Source.EndCursor));
        Field(c => c.TotalCount).Description("Positions matching the filter, over all pages.");
    }
}
