using GraphQL.Types;
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
        Field(r => r.Source, nullable: true);
        Field(r => r.Format, type: typeof(NonNullGraphType<ReportFormatGraphType>));
        Field(r => r.ExtractorVersion);
        Field(r => r.IngestedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
    }
}
