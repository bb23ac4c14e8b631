using System.Text.Json.Nodes;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL;

/// <summary>The analysts' questions over HTTP, on two small reports a year apart (see <see cref="GraphQLClient.SecondReport"/>).</summary>
public sealed class AnalystQueryTests : TwoReportsApi
{
    private static string[] Ids(JsonNode? list, string path = "id") =>
        [.. list!.AsArray().Select(n => path.Split('.').Aggregate(n!, (node, key) => node[key]!).GetValue<string>())];

    [Fact]
    public async Task Who_lists_one_entry_per_actor_with_counts_dates_evidence_and_filters()
    {
        var data = await QueryAsync("""
            {
              all: who(norm: "gge-13j", stance: SUPPORT) { totalCount nodes { actor { id } statementCount firstDate lastDate evidence { evidence } reports { totalCount nodes { date } } } }
              since2021: who(norm: "gge-13j", from: "2021-01-01") { nodes { actor { id } } }
              states: who(norm: "gge-13j", actorType: STATE) { nodes { actor { id } } }
              confident: who(norm: "gge-13j", minConfidence: 1.0) { totalCount }
            }
            """);

        Assert.Equal(2, data["all"]!["totalCount"]!.GetValue<int>());
        var access = data["all"]!["nodes"]!.AsArray().Single(n => n!["actor"]!["id"]!.GetValue<string>() == "access-now")!;
        Assert.Equal((1, "2020-02-12", "2020-02-12"), (access["statementCount"]!.GetValue<int>(), access["firstDate"]!.GetValue<string>(), access["lastDate"]!.GetValue<string>()));
        Assert.StartsWith("Access Now stressed", access["evidence"]![0]!["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((1, "2020-02-12"), (access["reports"]!["totalCount"]!.GetValue<int>(), access["reports"]!["nodes"]![0]!["date"]!.GetValue<string>()));
        Assert.Equal(["jpn"], Ids(data["since2021"]!["nodes"], "actor.id"));
        Assert.Equal(["jpn"], Ids(data["states"]!["nodes"], "actor.id"));
        Assert.Equal(0, data["confident"]!["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("from: \"2021-01-01\"")]
    [InlineData("to: \"2020-12-31\"")]
    [InlineData("process: \"igf\"")]
    public async Task A_filtered_who_shows_the_evidence_and_reports_behind_its_counts(string filter)
    {
        var data = await QueryAsync($$"""
            {
              filtered: who(norm: "p-intl-law", {{filter}}) { nodes { actor { id } statementCount firstDate lastDate evidence(first: 20) { date confidence } reports { totalCount nodes { date } } } }
              all: who(norm: "p-intl-law") { nodes { actor { id } statementCount } }
            }
            """);

        var all = data["all"]!["nodes"]!.AsArray().ToDictionary(n => n!["actor"]!["id"]!.GetValue<string>(), n => n!["statementCount"]!.GetValue<int>());
        Assert.True(all.Values.Sum() > data["filtered"]!["nodes"]!.AsArray().Sum(n => n!["statementCount"]!.GetValue<int>()),
            $"the filter {filter} should leave some statement out, or the test proves nothing");
        foreach (var node in data["filtered"]!["nodes"]!.AsArray())
        {
            var evidence = node!["evidence"]!.AsArray();
            var dates = evidence.Select(e => e!["date"]?.GetValue<string>()).ToList();
            Assert.Equal(node["statementCount"]!.GetValue<int>(), evidence.Count);
            Assert.Equal(node["firstDate"]?.GetValue<string>(), dates.Min(StringComparer.Ordinal));
            Assert.Equal(node["lastDate"]?.GetValue<string>(), dates.Max(StringComparer.Ordinal));
            Assert.Equal(dates.Distinct().Order(StringComparer.Ordinal), node["reports"]!["nodes"]!.AsArray().Select(r => r!["date"]?.GetValue<string>()));
            Assert.Equal(node["reports"]!["nodes"]!.AsArray().Count, node["reports"]!["totalCount"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData("""{ who(norm: "gge-99") { totalCount } }""")]
    [InlineData("""{ timeline(norm: "gge-99") { period } }""")]
    [InlineData("""{ coalitions(norm: "gge-99") { key } }""")]
    [InlineData("""{ disagreement(norm: "gge-99") { contested } }""")]
    public async Task A_norm_id_nobody_knows_is_not_found_rather_than_an_empty_answer(string query)
    {
        var (_, body) = await PostAsync(Client, query);

        Assert.Equal("NOT_FOUND", ErrorCode(body));
        Assert.Contains("'gge-99'", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_norm_nobody_spoke_to_is_an_empty_answer()
    {
        var data = await QueryAsync("""{ who(norm: "gge-13a") { totalCount } timeline(norm: "gge-13a") { period } }""");

        Assert.Equal(0, data["who"]!["totalCount"]!.GetValue<int>());
        Assert.Empty(data["timeline"]!.AsArray());
    }

    [Fact]
    public async Task Page_info_says_whether_a_page_was_asked_for_after_a_cursor()
    {
        var first = await QueryAsync("""{ who(norm: "gge-13j", first: 1) { pageInfo { hasPreviousPage hasNextPage endCursor } } }""");
        var cursor = first["who"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await QueryAsync("""query ($after: String) { who(norm: "gge-13j", first: 1, after: $after) { pageInfo { hasPreviousPage } } }""", new { after = cursor });

        Assert.Equal((false, true), (first["who"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), first["who"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        Assert.True(second["who"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_actor_s_stances_group_everything_it_said_by_target()
    {
        var data = await QueryAsync("""{ actor(id: "jpn") { stances { totalCount nodes { target { id } stance statementCount reports { nodes { title } } } } } }""");

        var stances = data["actor"]!["stances"]!;
        Assert.Equal(["gge-13j", "p-intl-law"], Ids(stances["nodes"], "target.id").Order(StringComparer.Ordinal));
        Assert.All(stances["nodes"]!.AsArray(), n => Assert.Single(n!["reports"]!["nodes"]!.AsArray()));
    }

    [Fact]
    public async Task A_timeline_counts_actors_per_period_and_names_who_joined()
    {
        var data = await QueryAsync("""
            {
              years: timeline(norm: "gge-13j") { period stance actorCount joined { totalCount nodes { id } } }
              months: timeline(norm: "p-intl-law", granularity: MONTH) { period actorCount }
            }
            """);

        Assert.Equal("""[{"period":"2020","stance":"SUPPORT","actorCount":1,"joined":{"totalCount":1,"nodes":[{"id":"access-now"}]}},{"period":"2021","stance":"SUPPORT","actorCount":1,"joined":{"totalCount":1,"nodes":[{"id":"jpn"}]}}]""",
            data["years"]!.ToJsonString());
        Assert.Equal("""[{"period":"2020-02","actorCount":1},{"period":"2021-03","actorCount":1}]""", data["months"]!.ToJsonString());
    }

    [Fact]
    public async Task Aligned_actors_disagreement_and_coalitions_answer_from_the_position_edges()
    {
        var data = await QueryAsync("""
            {
              alignedActors(actor: "jpn") { totalCount edges { cursor node { actor { id } similarity shared { id } conflicting { id } } } }
              disagreement(norm: "gge-13j") { contested supporters { totalCount nodes { actor { id } } } opponents { totalCount nodes { actor { id } } } }
              coalitions(norm: "gge-13j") { kind key actorCount actors { nodes { id } } }
            }
            """);

        var aligned = data["alignedActors"]!;
        Assert.Equal(2, aligned["totalCount"]!.GetValue<int>());
        Assert.Equal(["access-now", "chl"], Ids(aligned["edges"], "node.actor.id"));
        Assert.Equal(0.3333, aligned["edges"]![0]!["node"]!["similarity"]!.GetValue<double>());
        Assert.Equal(["gge-13j"], Ids(aligned["edges"]![0]!["node"]!["shared"]));
        Assert.False(data["disagreement"]!["contested"]!.GetValue<bool>());
        Assert.Equal(["access-now", "jpn"], Ids(data["disagreement"]!["supporters"]!["nodes"], "actor.id").Order(StringComparer.Ordinal));
        Assert.Equal(0, data["disagreement"]!["opponents"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("""[{"kind":"ACTOR_TYPE","key":"civil_society","actorCount":1,"actors":{"nodes":[{"id":"access-now"}]}},{"kind":"ACTOR_TYPE","key":"state","actorCount":1,"actors":{"nodes":[{"id":"jpn"}]}}]""",
            data["coalitions"]!.ToJsonString());
    }

    [Fact]
    public async Task The_sides_of_a_disagreement_and_the_actors_of_a_coalition_page_with_cursors()
    {
        var first = await QueryAsync("""
            {
              disagreement(norm: "gge-13j") { supporters(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { actor { id } } } }
              coalitions(norm: "p-intl-law") { key actors(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }
            }
            """);
        var supporters = first["disagreement"]!["supporters"]!;
        var coalition = first["coalitions"]![0]!["actors"]!;
        var rest = await QueryAsync($$"""
            {
              disagreement(norm: "gge-13j") { supporters(after: "{{supporters["pageInfo"]!["endCursor"]}}") { pageInfo { hasNextPage } nodes { actor { id } } } }
              coalitions(norm: "p-intl-law") { actors(after: "{{coalition["pageInfo"]!["endCursor"]}}") { pageInfo { hasNextPage } nodes { id } } }
            }
            """);

        Assert.Equal((2, true), (supporters["totalCount"]!.GetValue<int>(), supporters["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        Assert.Equal(["access-now", "jpn"], [.. Ids(supporters["nodes"], "actor.id"), .. Ids(rest["disagreement"]!["supporters"]!["nodes"], "actor.id")]);
        Assert.False(rest["disagreement"]!["supporters"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal((2, true), (coalition["totalCount"]!.GetValue<int>(), coalition["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        Assert.Equal(["chl", "jpn"], [.. Ids(coalition["nodes"]), .. Ids(rest["coalitions"]![0]!["actors"]!["nodes"])]);
    }

    [Fact]
    public async Task A_stance_pages_its_reports_and_the_new_lists_refuse_a_cursor_of_another_list()
    {
        var first = await QueryAsync("""{ who(norm: "p-intl-law") { nodes { actor { id } reports(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { title } } } } }""");
        var reports = first["who"]!["nodes"]![0]!["reports"]!;
        var cursor = reports["pageInfo"]!["endCursor"]!.GetValue<string>();
        var (_, foreign) = await PostAsync(Client, "query ($c: String) { coalitions(norm: \"p-intl-law\") { actors(after: $c) { totalCount } } }", new { c = cursor });
        var (_, garbage) = await PostAsync(Client, """{ who(norm: "p-intl-law") { nodes { reports(after: "not-a-cursor") { totalCount } } } }""");

        Assert.Equal((1, false), (reports["totalCount"]!.GetValue<int>(), reports["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(foreign));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(garbage));
    }

    [Fact]
    public async Task Search_ranks_actors_norms_and_reports_and_filters_by_kind()
    {
        var data = await QueryAsync("""
            {
              chile: search(text: "Chile", first: 3) { totalCount nodes { kind id } }
              norms: search(text: "vulnerab", kinds: [NORM]) { nodes { kind id title } }
              reports: search(text: "researchers prosecution", kinds: [REPORT]) { nodes { title snippet } }
            }
            """);

        Assert.Equal(("ACTOR", "chl"), (data["chile"]!["nodes"]![0]!["kind"]!.GetValue<string>(), data["chile"]!["nodes"]![0]!["id"]!.GetValue<string>()));
        Assert.Contains("gge-13j", Ids(data["norms"]!["nodes"]));
        Assert.All(data["norms"]!["nodes"]!.AsArray(), n => Assert.Equal("NORM", n!["kind"]!.GetValue<string>()));
        var report = Assert.Single(data["reports"]!["nodes"]!.AsArray())!;
        Assert.Equal("Second informal consultations on responsible behaviour", report["title"]!.GetValue<string>());
        Assert.Contains("[prosecution]", report["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_and_events_list_with_filters_and_a_report_gives_its_positions_and_text()
    {
        var data = await QueryAsync("""
            {
              reports(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { id title date text positions { totalCount nodes { actor { id } } } } }
              withChile2021: reports(actor: "chl", from: "2021-01-01") { nodes { date } }
              events(to: "2020-12-31") { totalCount nodes { title date reportCount } }
            }
            """);

        var reports = data["reports"]!;
        Assert.Equal((2, true), (reports["totalCount"]!.GetValue<int>(), reports["pageInfo"]!["hasNextPage"]!.GetValue<bool>()));
        var first = reports["nodes"]![0]!;
        Assert.Equal("2020-02-12", first["date"]!.GetValue<string>());
        Assert.Contains("Japan reiterated that international law", first["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("jpn", Ids(first["positions"]!["nodes"], "actor.id"));
        var next = Data((await PostAsync(Client, "query ($after: String) { reports(after: $after) { nodes { date } } }",
            new { after = reports["pageInfo"]!["endCursor"]!.GetValue<string>() })).Body);
        Assert.Equal(["2021-03-03"], Ids(next["reports"]!["nodes"], "date"));
        Assert.Equal(["2021-03-03"], Ids(data["withChile2021"]!["nodes"], "date"));
        Assert.Equal("""{"totalCount":1,"nodes":[{"title":"Informal consultations on responsible behaviour","date":"2020-02-12","reportCount":1}]}""", data["events"]!.ToJsonString());
    }

    [Fact]
    public async Task Statistics_count_labels_and_relationships_and_rank_targets_and_actors()
    {
        var data = await QueryAsync("""
            { statistics(top: 2) { labels { name count } relationships { name count } mostActiveActors { actor { id } statementCount } periods { period reportCount statementCount } } }
            """);

        var statistics = data["statistics"]!;
        Assert.Contains("""{"name":"Report","count":2}""", statistics["labels"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("""{"name":"SUPPORTS","count":6}""", statistics["relationships"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(2, statistics["mostActiveActors"]!.AsArray().Count);
        Assert.Equal("""[{"period":"2020","reportCount":1,"statementCount":3},{"period":"2021","reportCount":1,"statementCount":3}]""", statistics["periods"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{ who(norm: "gge-13j", first: 101) { totalCount } }""")]
    [InlineData("""{ search(text: "x", first: -1) { totalCount } }""")]
    [InlineData("""{ reports(after: "not-a-cursor") { totalCount } }""")]
    [InlineData("""{ alignedActors(actor: "jpn", after: "bm9wZQ==") { totalCount } }""")]
    [InlineData("""{ who(norm: "gge-13j", from: "2021-01-01", to: "2020-01-01") { totalCount } }""")]
    [InlineData("""{ statistics(top: 1000) { labels { name } } }""")]
    public async Task Bad_paging_and_filters_are_user_errors(string query)
    {
        var (_, body) = await PostAsync(Client, query);

        Assert.Equal("BAD_USER_INPUT", ErrorCode(body));
    }
}
