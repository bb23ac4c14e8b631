using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class SearchHitGraphType : ObjectGraphType<SearchHit>
{
    public SearchHitGraphType()
    {
        Name = "SearchHit";
        Description = "A node whose name, aliases, description or text matches the words.";
        Field(h => h.Kind, type: typeof(NonNullGraphType<SearchKindGraphType>));
        Field(h => h.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Use it with actor(id), target(id) or report(id).");
        Field(h => h.Title);
        Field(h => h.Score).Description("Rank, higher is better (BM25 in the embedded store, Lucene in Neo4j; compare within one answer only).");
        Field(h => h.Snippet, nullable: true).Description("The matching words in context, marked with [ and ] (embedded store).");
    }
}
