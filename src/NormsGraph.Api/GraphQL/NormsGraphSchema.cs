using GraphQL.Types;
using NormsGraph.Api.GraphQL.Types;

namespace NormsGraph.Api.GraphQL;

internal sealed class NormsGraphSchema : Schema
{
    public NormsGraphSchema(IServiceProvider services, QueryGraphType query, MutationGraphType mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        // Implementations of the Target interface are reached only through it, so they are registered by hand.
        RegisterType(typeof(NormGraphType));
        RegisterType(typeof(PrincipleGraphType));
        RegisterType(typeof(ProposalGraphType));
    }
}
