using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class CurationActionGraphType : EnumerationGraphType<CurationAction>
{
    public CurationActionGraphType()
    {
        Name = "CurationAction";
    }
}
