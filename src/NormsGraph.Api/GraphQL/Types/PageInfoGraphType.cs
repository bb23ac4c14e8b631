using GraphQL.Types;
using NormsGraph.Api.GraphQL.Paging;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Paging is forward only: true when this page was asked for after a cursor.")
            .Resolve(ctx => ctx.Source.HasPreviousPage);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.EndCursor);
        Field<StringGraphType>("startCursor").Resolve(ctx => ctx.Source.StartCursor);
    }
}
