using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ApplyOutcomeGraphType : EnumerationGraphType<ApplyOutcome>
{
    public ApplyOutcomeGraphType()
    {
        Name = "IngestOutcome";
    }
}
