using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ActorTypeGraphType : EnumerationGraphType<ActorType>
{
    public ActorTypeGraphType()
    {
        Name = "ActorType";
    }
}
