using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class PeriodActivityGraphType : ObjectGraphType<PeriodActivity>
{
    public PeriodActivityGraphType()
    {
        Name = "PeriodActivity";
        Field(p => p.Period).Description("yyyy or yyyy-MM.");
        Field<NonNullGraphType<IntGraphType>>("reportCount").Resolve(ctx => ctx.Source.Reports);
        Field<NonNullGraphType<IntGraphType>>("statementCount").Description("Non-rejected statements in reports of the period.").Resolve(ctx => ctx.Source.Statements);
    }
}
