using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class GranularityGraphType : EnumerationGraphType<TimelineGranularity>
{
    public GranularityGraphType()
    {
        Name = "Granularity";
        Description = "The period of a timeline or of statistics.";
    }
}
