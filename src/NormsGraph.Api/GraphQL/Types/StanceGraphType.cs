using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class StanceGraphType : EnumerationGraphType<Stance>
{
    public StanceGraphType()
    {
        Name = "Stance";
        Description = "How an actor relates to a norm, principle or proposal.";
    }
}
