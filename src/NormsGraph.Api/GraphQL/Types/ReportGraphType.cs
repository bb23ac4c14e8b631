using GraphQL;
using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Paging;
using NormsGraph.Api.GraphQL.Validation;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ReportGraphType : ObjectGraphType<ReportSummary>
{
    public ReportGraphType()
    {
        Name = "Report";
        Description = "An ingested event report: the provenance of every position.";
        Field(r => r.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Content hash of the report.");
        Field(r => r.Title);
        Field(r => r.Date, type: typeof(DateGraphType));
        Field(r => r.Source, nullable: true)
            .Description("A source that holds this text now (a path in the inbox, or submitReport's label); copies under other names are this same report.");
        Field(r => r.Format, type: typeof(NonNullGraphType<ReportFormatGraphType>));
        Field(r => r.ExtractorVersion);
        Field(r => r.IngestedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(r => r.EventId, type: typeof(IdGraphType)).Description("The event the report covers.");
        Field<NonNullGraphType<StringGraphType>>("text").Description($"The report's source text, as ingested. Counts {CostlyFields.Impact} against the complexity limit.")
            .WithComplexityImpact(CostlyFields.Impact)
            .ResolveAsync(async ctx => await ctx.Store().GetReportTextAsync(ctx.Source.Id, ctx.CancellationToken) ?? "");
        PagingArguments.Add(Field<NonNullGraphType<PositionConnectionGraphType>>("positions")
                .Description("The positions found in this report, in report order of statement ids.")
                .Argument<StanceGraphType>("stance"))
            .Resolve(ctx => PositionArguments.Resolve(ctx, PositionAnchor.Report, ctx.Source.Id));
    }
}
