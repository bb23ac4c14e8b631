using GraphQL.Types;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class SubmitReportInputGraphType : InputObjectGraphType
{
    public SubmitReportInputGraphType()
    {
        Name = "SubmitReportInput";
        Field<NonNullGraphType<StringGraphType>>("text").Description("The report: plain text, Markdown or HTML.");
        Field<StringGraphType>("source").Description("A label that identifies the document across versions (file name or URL).");
        Field<ReportFormatGraphType>("format").Description("Detected from the content when absent.");
    }
}
