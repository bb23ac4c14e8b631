using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>What a search result is; the values stand for the store's kind names (actor, norm, …).</summary>
internal sealed class SearchKindGraphType : EnumerationGraphType
{
    public SearchKindGraphType()
    {
        Name = "SearchKind";
        foreach (var kind in SearchQuery.AllKinds)
        {
            Add(kind.ToUpperInvariant(), kind);
        }
    }
}
