using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class NormGraphType : ObjectGraphType<Target>
{
    public NormGraphType()
    {
        Name = "Norm";
        Description = "A norm of responsible state behaviour (UN GGE 2015, GCSC…).";
        TargetFields.Add(this, TargetKind.Norm);
        Field("framework", t => t.FrameworkId, nullable: true).Description("Id of the framework that defines the norm.");
    }
}
