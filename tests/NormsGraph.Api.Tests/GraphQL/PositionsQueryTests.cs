using System.Net;
using NormsGraph.Core.Storage;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL;

public sealed class PositionsQueryTests
{
    private const string WhoSupported = """
        query ($norm: ID!, $first: Int, $after: String) {
          norm(id: $norm) { id name }
          positions(norm: $norm, stance: SUPPORT, first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { cursor node { actor { id name type } stance target { id name kind } evidence report { id title date } } }
          }
        }
        """;

    [Fact]
    public async Task A_submitted_report_answers_who_supported_a_norm_with_evidence_and_report()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var (submitResponse, submitted) = await SubmitAsync(client, SampleReport);
        Assert.Equal(HttpStatusCode.OK, submitResponse.StatusCode);
        Assert.Null(submitted["errors"]);
        Assert.Equal("INGESTED", submitted["data"]!["submitReport"]!["outcome"]!.GetValue<string>());
        Assert.True(submitted["data"]!["submitReport"]!["positionCount"]!.GetValue<int>() >= 3);

        var (response, body) = await PostAsync(client, WhoSupported, new { norm = "gge-13j" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("gge-13j", body["data"]!["norm"]!["id"]!.GetValue<string>());
        var node = body["data"]!["positions"]!["edges"]![0]!["node"]!;
        Assert.Equal("access-now", node["actor"]!["id"]!.GetValue<string>());
        Assert.Equal("CIVIL_SOCIETY", node["actor"]!["type"]!.GetValue<string>());
        Assert.Equal("SUPPORT", node["stance"]!.GetValue<string>());
        Assert.Equal("NORM", node["target"]!["kind"]!.GetValue<string>());
        Assert.StartsWith("Access Now stressed", node["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Informal consultations on responsible behaviour", node["report"]!["title"]!.GetValue<string>());
        Assert.Equal("2020-02-12", node["report"]!["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_follow_the_cursor_and_a_bad_cursor_is_a_user_error()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await SubmitAsync(client, SampleReport);
        const string query = "query ($after: String) { positions(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }";

        var (_, first) = await PostAsync(client, query, new { after = (string?)null });
        var cursor = first["data"]!["positions"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var (_, second) = await PostAsync(client, query, new { after = cursor });
        var (_, bad) = await PostAsync(client, query, new { after = "nonsense" });

        Assert.True(first["data"]!["positions"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.NotEqual(first["data"]!["positions"]!["nodes"]![0]!["id"]!.GetValue<string>(),
            second["data"]!["positions"]!["nodes"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("BAD_USER_INPUT", ErrorCode(bad));
    }

    [Fact]
    public async Task Actors_of_a_page_are_loaded_in_one_batch()
    {
        CountingGraphStore? counting = null;
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner) };
        var client = factory.CreateClient();
        await SubmitAsync(client, SampleReport);
        counting!.Reset();

        var (_, body) = await PostAsync(client, "{ positions(first: 20) { nodes { actor { id } target { id } report { id } } } }");

        var actors = body["data"]!["positions"]!["nodes"]!.AsArray().Select(n => n!["actor"]!["id"]!.GetValue<string>()).Distinct().Count();
        Assert.True(actors >= 3, $"expected several actors, got {actors}");
        Assert.Equal(1, counting.Calls(nameof(IGraphStore.GetActorsAsync)));
    }

    [Fact]
    public async Task An_actor_lists_its_own_positions()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await SubmitAsync(client, SampleReport);

        var (_, body) = await PostAsync(client, """{ actor(id: "jpn") { name positions { totalCount nodes { target { id } } } } }""");

        Assert.Equal("Japan", body["data"]!["actor"]!["name"]!.GetValue<string>());
        Assert.Contains(body["data"]!["actor"]!["positions"]!["nodes"]!.AsArray(), n => n!["target"]!["id"]!.GetValue<string>() == "p-intl-law");
    }
}
