using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL;
using NormsGraph.Api.GraphQL.Validation;
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
    public async Task A_confidence_floor_keeps_the_surer_positions_and_one_outside_0_to_1_is_a_user_error()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await SubmitAsync(client, SampleReport);
        const string query = "query ($min: Float) { positions(minConfidence: $min) { totalCount nodes { confidence } } }";

        var (_, all) = await PostAsync(client, query, new { min = (double?)null });
        var (_, none) = await PostAsync(client, query, new { min = 1.0 });
        var (_, bad) = await PostAsync(client, query, new { min = 1.5 });

        Assert.True(all["data"]!["positions"]!["totalCount"]!.GetValue<int>() > 0);
        Assert.Equal(0, none["data"]!["positions"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("BAD_USER_INPUT", ErrorCode(bad));
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
    public async Task The_positions_of_a_list_of_reports_come_in_one_batch_and_later_pages_on_their_own()
    {
        CountingGraphStore? counting = null;
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner) };
        var client = factory.CreateClient();
        await SubmitBothAsync(client);
        counting!.Reset();

        var (_, body) = await PostAsync(client, "{ reports(first: 10) { nodes { id positions(first: 2) { totalCount pageInfo { endCursor } nodes { id } } } } }");
        var batched = (counting.Calls(nameof(IGraphStore.FindPositionPagesAsync)), counting.Calls(nameof(IGraphStore.FindPositionsAsync)));
        var report = body["data"]!["reports"]!["nodes"]![0]!;
        var (_, next) = await PostAsync(client, "query ($id: ID!, $after: String) { report(id: $id) { positions(first: 2, after: $after) { nodes { id } } } }",
            new { id = report["id"]!.GetValue<string>(), after = report["positions"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });
        var (_, alone) = await PostAsync(client, "query ($id: ID!) { report(id: $id) { positions(first: 100) { nodes { id } } } }",
            new { id = report["id"]!.GetValue<string>() });

        Assert.Equal(2, body["data"]!["reports"]!["nodes"]!.AsArray().Count);
        Assert.Equal((1, 0), batched);
        Assert.True(report["positions"]!["totalCount"]!.GetValue<int>() > 2);
        // The batched first page and the page after its cursor are the report's positions in order, as one call gives them.
        var paged = report["positions"]!["nodes"]!.AsArray().Concat(next["data"]!["report"]!["positions"]!["nodes"]!.AsArray()).Select(n => n!["id"]!.GetValue<string>());
        Assert.Equal(alone["data"]!["report"]!["positions"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).Take(4), paged);
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

    [Fact]
    public async Task Fifty_positions_with_their_actors_targets_and_reports_cost_four_store_calls()
    {
        CountingGraphStore? counting = null;
        await using var factory = new ApiFactory { DecorateStore = inner => counting = new CountingGraphStore(inner) };
        var client = factory.CreateClient();
        // Two reports, each with a sentence by each of 25 states: 50 positions over 25 actors and 2 reports.
        var states = factory.Services.GetRequiredService<Core.Taxonomy.Taxonomy>().Actors
            .Where(a => a.Actor.Type == Core.Domain.ActorType.State && !a.Actor.Name.Contains(' ', StringComparison.Ordinal))
            .Take(25).Select(a => a.Actor.Name).ToList();
        foreach (var (date, norm) in new[] { ("12 Feb 2020", "international law applies in cyberspace"), ("3 Mar 2021", "confidence-building measures matter") })
        {
            var text = $"Consultations on {norm}\n\n{date} 10:00h - 12:00h\n\nEvent report\n\n"
                + string.Join("\n\n", states.Select(s => $"{s} stressed that {norm}."));
            await SubmitAsync(client, text, $"{date}.txt");
        }
        counting!.Reset();

        var (_, body) = await PostAsync(client, "{ positions(first: 50) { totalCount nodes { actor { id name } target { id } report { id title } } } }");

        var nodes = body["data"]!["positions"]!["nodes"]!.AsArray();
        Assert.Equal(50, nodes.Count);
        Assert.True(nodes.Select(n => n!["actor"]!["id"]!.GetValue<string>()).Distinct().Count() >= 20, "expected many different actors");
        Assert.Equal(2, nodes.Select(n => n!["report"]!["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(
            (1, 1, 1, 1, 4),
            (counting.Calls(nameof(IGraphStore.FindPositionsAsync)), counting.Calls(nameof(IGraphStore.GetActorsAsync)),
                counting.Calls(nameof(IGraphStore.GetTargetsAsync)), counting.Calls(nameof(IGraphStore.GetReportsAsync)), counting.TotalCalls));
    }

    [Fact]
    public async Task A_repeated_query_is_parsed_and_validated_once()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<DocumentCache>();
        var validator = factory.Services.GetRequiredService<KnownOperationValidator>();
        const string query = "{ positions(first: 2) { totalCount } }";

        var (_, first) = await PostAsync(client, query);
        var afterFirst = cache.Count;
        var (_, second) = await PostAsync(client, query);
        await PostAsync(client, "{ nosuchfield }");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(1, afterFirst);
        Assert.Equal(1, cache.Count); // the invalid query is not kept
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, validator.Rechecks); // the second time only the request rules ran
    }

    [Fact]
    public async Task A_known_operation_keeps_the_arguments_of_fields_merged_by_name()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await SubmitBothAsync(client);
        var validator = factory.Services.GetRequiredService<KnownOperationValidator>();
        // Two selections of one field merge at execution, which gives the merged field its own argument entry.
        const string query = "{ p: positions(first: 1) { totalCount } p: positions(first: 1) { nodes { id } } q: positions(first: 2) { nodes { id } } }";

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await PostAsync(client, query)).Body.ToJsonString());
        }

        Assert.Equal(2, validator.Rechecks);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        var data = Data(System.Text.Json.Nodes.JsonNode.Parse(answers[0])!);
        Assert.Single(data["p"]!["nodes"]!.AsArray());
        Assert.Equal(2, data["q"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_cached_document_still_checks_its_variables_and_limits()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<DocumentCache>();
        var validator = factory.Services.GetRequiredService<KnownOperationValidator>();
        const string query = "query ($first: Int) { positions(first: $first) { totalCount } }";

        var (_, good) = await PostAsync(client, query, new { first = 2 });
        var (_, wrongType) = await PostAsync(client, query, new { first = "many" });
        var (_, tooMany) = await PostAsync(client, query, new { first = 101 });

        Assert.Null(good["errors"]);
        Assert.Equal(2, cache.Hits);
        Assert.NotNull(wrongType["errors"]);
        Assert.Null(wrongType["data"]);
        Assert.Equal("BAD_USER_INPUT", ErrorCode(tooMany));
        Assert.Equal(0, validator.Rechecks);
    }
}
