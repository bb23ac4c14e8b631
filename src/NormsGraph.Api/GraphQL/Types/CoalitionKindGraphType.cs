using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class CoalitionKindGraphType : EnumerationGraphType<CoalitionKind>
{
    public CoalitionKindGraphType()
    {
        Name = "CoalitionKind";
    }
}
