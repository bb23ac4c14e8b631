using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class NamedCountGraphType : ObjectGraphType<NamedCount>
{
    public NamedCountGraphType()
    {
        Name = "NamedCount";
        Description = "A node label or relationship type and how many there are.";
        Field(c => c.Name);
        Field(c => c.Count);
    }
}
