using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class StatementStatusGraphType : EnumerationGraphType<StatementStatus>
{
    public StatementStatusGraphType()
    {
        Name = "StatementStatus";
    }
}
