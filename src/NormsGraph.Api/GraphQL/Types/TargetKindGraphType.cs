using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class TargetKindGraphType : EnumerationGraphType<TargetKind>
{
    public TargetKindGraphType()
    {
        Name = "TargetKind";
    }
}
