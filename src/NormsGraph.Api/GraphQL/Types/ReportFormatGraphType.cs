using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ReportFormatGraphType : EnumerationGraphType<ReportFormat>
{
    public ReportFormatGraphType()
    {
        Name = "ReportFormat";
    }
}
