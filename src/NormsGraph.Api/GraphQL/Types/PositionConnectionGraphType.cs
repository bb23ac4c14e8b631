using GraphQL.Types;
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
            .Resolve(ctx => ctx.Source);
        Field(c => c.TotalCount).Description("Positions matching the filter, over all pages.");
    }
}
