using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ProposalGraphType : ObjectGraphType<Target>
{
    public ProposalGraphType()
    {
        Name = "Proposal";
        Description = "A new idea found in a report that matches no taxonomy item.";
        TargetFields.Add(this, TargetKind.Proposal);
    }
}
