using GraphQL;
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
        // GraphiQL's schema query would count about 1.2 million against the complexity limit; set here, on this
        // schema, rather than left to the library's default, so every API host answers it the same way.
        this.WithIntrospectionComplexityImpact(0);
    }
}
