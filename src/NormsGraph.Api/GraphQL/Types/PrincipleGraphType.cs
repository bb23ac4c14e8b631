using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class PrincipleGraphType : ObjectGraphType<Target>
{
    public PrincipleGraphType()
    {
        Name = "Principle";
        Description = "A principle or recurring proposal of the taxonomy (international law applies, PoA…).";
        TargetFields.Add(this, TargetKind.Principle);
    }
}
