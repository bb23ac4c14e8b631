using System.Text.Json.Nodes;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL;

/// <summary>A search asks the store for snippets only when the query reads them, however it selects the field.</summary>
public sealed class SearchSnippetTests
{
    [Theory]
    [InlineData("""{ search(text: "prosecution") { totalCount nodes { kind id title score } pageInfo { hasNextPage } } }""", false)]
    [InlineData("""{ search(text: "prosecution") { nodes { title snippet } } }""", true)]
    [InlineData("""{ search(text: "prosecution") { edges { node { ... on SearchHit { words: snippet } } } } }""", true)]
    [InlineData("""query { search(text: "prosecution") { edges { cursor node { ...Hit } } } } fragment Hit on SearchHit { title snippet }""", true)]
    public async Task The_store_builds_snippets_only_for_a_query_that_selects_them(string query, bool snippets)
    {
        CountingGraphStore? counting = null;
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner) };
        var client = factory.CreateClient();
        await SubmitBothAsync(client);
        counting!.Reset();

        var (_, body) = await PostAsync(client, query);

        Assert.Equal(snippets, Assert.Single(counting.Searches).Snippets);
        var search = Data(body)["search"]!;
        var hits = (search["nodes"] ?? new JsonArray([.. search["edges"]!.AsArray().Select(e => e!["node"]!.DeepClone())])).AsArray();
        Assert.NotEmpty(hits);
        if (snippets)
        {
            Assert.Contains(hits, h => (h!["snippet"] ?? h["words"])?.GetValue<string>().Contains("[prosecution]", StringComparison.Ordinal) == true);
        }
    }
}
