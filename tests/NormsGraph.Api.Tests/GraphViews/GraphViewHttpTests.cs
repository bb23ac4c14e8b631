using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphViews;

/// <summary>The graph view over HTTP and GraphQL, on the four sample reports.</summary>
public sealed class GraphViewHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ApiFactory WithSamples(Dictionary<string, string?>? settings = null) =>
        new(new Dictionary<string, string?>(settings ?? []) { ["Ingestion:SeedSamples"] = "true" });

    [Fact]
    public async Task The_graph_view_is_cytoscape_elements_with_an_etag_and_a_304_when_it_has_not_changed()
    {
        await using var factory = WithSamples();
        var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/graph-view?focus=gge-13j", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.False(body["truncated"]!.GetValue<bool>());
        var nodes = body["elements"]!["nodes"]!.AsArray().Select(n => n!["data"]!).ToList();
        Assert.Equal(["gge-13j", "bra", "gcsc", "tech-accord"], nodes.Select(n => n["id"]!.GetValue<string>()));
        Assert.Equal(("norm", 3, 0), (nodes[0]["kind"]!.GetValue<string>(), nodes[0]["weight"]!.GetValue<int>(), nodes[0]["distance"]!.GetValue<int>()));
        Assert.Equal("private_sector", nodes[3]["type"]!.GetValue<string>());
        var edge = body["elements"]!["edges"]!.AsArray().Select(e => e!["data"]!).Single(e => e["source"]!.GetValue<string>() == "tech-accord");
        Assert.Equal("""{"id":"tech-accord:support:gge-13j","source":"tech-accord","target":"gge-13j","stance":"support","weight":1,"first":"2019-11-27","last":"2019-11-27"}""",
            edge.ToJsonString());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/graph-view?focus=gge-13j");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/graph-view?focus=gge-13j&stances=oppose");
        other.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(other, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);

        // HEAD, as caches and link checkers send it, answers the GET's headers.
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/graph-view.graphml?focus=gge-13j"), Ct);
        using var get = await client.GetAsync("/api/graph-view.graphml?focus=gge-13j", Ct);
        Assert.Equal((HttpStatusCode.OK, get.Headers.ETag, get.Content.Headers.ContentType?.MediaType),
            (head.StatusCode, head.Headers.ETag, head.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_dashboard_of_another_allowed_origin_reads_the_exports_and_shares_the_rate_limit()
    {
        await using var factory = new ApiFactory(new()
        {
            ["Api:CorsOrigins:0"] = "https://dashboards.example.org",
            ["Api:RateLimitPermits"] = "2",
            ["Api:RateLimitWindow"] = "00:01:00",
        });
        var client = factory.CreateClient();

        async Task<HttpResponseMessage> GetAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Origin", "https://dashboards.example.org");
            return await client.SendAsync(request, Ct);
        }

        using var view = await GetAsync("/api/graph-view?focus=gge-13j");
        using var csv = await GetAsync("/api/graph-view/nodes.csv?focus=gge-13j");
        using var limited = await GetAsync("/api/graph-view.graphml?focus=gge-13j");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (view.StatusCode, csv.StatusCode, limited.StatusCode));
        Assert.Equal("https://dashboards.example.org", view.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(["ETag", "Retry-After", "X-Graph-View-Truncated"], view.Headers.GetValues("Access-Control-Expose-Headers").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Order());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // As the exports' other errors: problem details a dashboard can read, with the same code as GraphQL's.
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync(Ct));
        Assert.Equal((429, "RATE_LIMITED"), (problem.RootElement.GetProperty("status").GetInt32(), problem.RootElement.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task With_cors_origins_every_graph_view_answer_varies_by_origin_so_no_cache_hands_one_without_cors_headers_to_a_dashboard(int origins)
    {
        // ASP.NET Core's CORS names Origin in Vary itself only with several origins: once, not twice, then.
        var settings = new Dictionary<string, string?> { ["Api:CorsOrigins:0"] = "https://dashboards.example.org" };
        if (origins > 1)
        {
            settings["Api:CorsOrigins:1"] = "https://other.example.org";
        }
        await using var factory = WithSamples(settings);
        var client = factory.CreateClient();

        // The embed page (same origin) and tools send no Origin and get no CORS headers; the dashboard's fetch of the same
        // URL must not be answered from a copy of that, so both answers name Origin in Vary, the 304 too.
        using var plain = await client.GetAsync("/api/graph-view?focus=gge-13j", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/graph-view?focus=gge-13j");
        request.Headers.Add("Origin", "https://dashboards.example.org");
        request.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        using var revalidated = await client.SendAsync(request, Ct);

        Assert.False(plain.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(["Origin"], plain.Headers.Vary);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal("https://dashboards.example.org", revalidated.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(["Origin"], revalidated.Headers.Vary);
    }

    [Fact]
    public async Task A_dashboard_of_another_origin_can_read_that_a_csv_or_graphml_export_was_cut()
    {
        await using var factory = WithSamples(new() { ["Api:CorsOrigins:0"] = "https://dashboards.example.org" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/graph-view/nodes.csv?focus=gge-13j&limit=2");
        request.Headers.Add("Origin", "https://dashboards.example.org");

        using var response = await factory.CreateClient().SendAsync(request, Ct);

        // The CSV and GraphML bodies cannot say it; a browser shows another origin's script only the headers CORS exposes.
        Assert.Equal("true", response.Headers.GetValues("X-Graph-View-Truncated").Single());
        Assert.Contains("X-Graph-View-Truncated", response.Headers.GetValues("Access-Control-Expose-Headers")
            .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)));
    }

    [Fact]
    public async Task The_graphview_query_gives_the_same_view_as_the_http_endpoint()
    {
        await using var factory = WithSamples();
        var client = factory.CreateClient();
        var json = JsonNode.Parse(await client.GetStringAsync("/api/graph-view?focus=gge-13j&depth=2&stances=support,propose", Ct))!;

        var (_, body) = await PostAsync(client, """
            { graphView(focus: ["gge-13j"], depth: 2, stances: [SUPPORT, PROPOSE]) {
                truncated nodes { id label kind type weight distance } edges { id source target stance weight first last } } }
            """);

        Assert.Null(body["errors"]);
        var view = body["data"]!["graphView"]!;
        Assert.Equal(json["elements"]!["nodes"]!.AsArray().Select(n => n!["data"]!["id"]!.GetValue<string>()), view["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(json["elements"]!["edges"]!.AsArray().Select(n => n!["data"]!["id"]!.GetValue<string>()), view["edges"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Contains(view["nodes"]!.AsArray(), n => n!["type"]?.GetValue<string>() == "PRIVATE_SECTOR" && n["kind"]!.GetValue<string>() == "ACTOR");
        Assert.All(view["edges"]!.AsArray(), e => Assert.Contains(e!["stance"]!.GetValue<string>(), new[] { "SUPPORT", "PROPOSE" }));
    }

    [Theory]
    [InlineData("/api/graph-view?depth=9", "'depth' must be between 0 and 3.")]
    [InlineData("/api/graph-view?limit=0", "'limit' must be between 1 and 1000.")]
    [InlineData("/api/graph-view?stances=praise", "'praise' is not a valid value of 'stances'")]
    [InlineData("/api/graph-view?stances=0", "'0' is not a valid value of 'stances'")]
    [InlineData("/api/graph-view?actorTypes=civilsociety", "'civilsociety' is not a valid value of 'actorTypes'")]
    [InlineData("/api/graph-view.graphml?from=2021-13-01", "'from' must be a date, yyyy-MM-dd.")]
    [InlineData("/api/graph-view/nodes.csv?from=2022-01-01&to=2021-01-01", "'from' must not be after 'to'.")]
    [InlineData("/api/graph-view?minConfidence=high", "'minConfidence' must be a number.")]
    [InlineData("/api/graph-view?minConfidence=NaN", "'minConfidence' must be between 0 and 1.")]
    [InlineData("/api/graph-view?process=igf&process=paris-call", "'process' takes one value")]
    [InlineData("/api/graph-view?limit=10&limit=20", "'limit' takes one value")]
    public async Task Bad_graph_view_parameters_are_a_400_problem_that_names_them(string url, string message)
    {
        await using var factory = new ApiFactory();

        using var response = await factory.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.StartsWith(message, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("BAD_USER_INPUT", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_graphview_argument_is_a_bad_user_input_error()
    {
        await using var factory = new ApiFactory();

        var (_, body) = await PostAsync(factory.CreateClient(), "{ graphView(limit: 5000) { truncated } }");

        Assert.Equal("BAD_USER_INPUT", ErrorCode(body));
        Assert.Contains("'limit' must be between 1 and 1000.", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_files_have_gephi_columns_and_the_nodes_and_edges_of_the_view()
    {
        await using var factory = WithSamples();
        var client = factory.CreateClient();

        using var nodes = await client.GetAsync("/api/graph-view/nodes.csv?focus=gge-13j", Ct);
        var edges = await client.GetStringAsync("/api/graph-view/edges.csv?focus=gge-13j", Ct);

        Assert.Equal("text/csv", nodes.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nodes.csv", nodes.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(
            """
            Id,Label,Kind,ActorType,Weight,Distance
            gge-13j,Report ICT vulnerabilities responsibly,norm,,3,0
            bra,Brazil,actor,state,1,1
            gcsc,Global Commission on the Stability of Cyberspace,actor,other,1,1
            tech-accord,Cybersecurity Tech Accord,actor,private_sector,1,1

            """.ReplaceLineEndings("\r\n"), await nodes.Content.ReadAsStringAsync(Ct));
        var lines = edges.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Id,Source,Target,Type,Label,Stance,Weight,First,Last", lines[0]);
        Assert.Contains("tech-accord:support:gge-13j,tech-accord,gge-13j,Directed,support,support,1,2019-11-27,2019-11-27", lines);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task The_graphml_export_is_read_back_by_networkx_with_its_typed_attributes()
    {
        var reader = await NetworkX.ProbeAsync();
        if (reader is not null)
        {
            MissingTool.SkipUnlessRequired("NORMSGRAPH_REQUIRE_GRAPHML_READER", reader);
        }
        await using var factory = WithSamples();
        var client = factory.CreateClient();
        using var response = await client.GetAsync("/api/graph-view.graphml?focus=gge-13j&depth=2", Ct);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(factory.Folder, "view.graphml");
        Directory.CreateDirectory(factory.Folder);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(Ct), Ct);
        var json = JsonNode.Parse(await client.GetStringAsync("/api/graph-view?focus=gge-13j&depth=2", Ct))!;

        var graph = await NetworkX.ReadAsync(file);

        Assert.True(graph["directed"]!.GetValue<bool>());
        var nodes = graph["nodes"]!.AsObject();
        var expectedNodes = json["elements"]!["nodes"]!.AsArray().Select(n => n!["data"]!).ToList();
        Assert.Equal(expectedNodes.Select(n => n["id"]!.GetValue<string>()).Order(), nodes.Select(n => n.Key).Order());
        foreach (var expected in expectedNodes)
        {
            var node = nodes[expected["id"]!.GetValue<string>()]!;
            Assert.Equal(expected["label"]!.GetValue<string>(), node["label"]!.GetValue<string>());
            Assert.Equal(expected["weight"]!.GetValue<int>(), node["weight"]!.GetValue<int>());
            Assert.Equal(expected["type"]?.GetValue<string>(), node["actor_type"]?.GetValue<string>());
        }
        var expectedEdges = json["elements"]!["edges"]!.AsArray().Select(e => e!["data"]!)
            .Select(e => $"{e["source"]}>{e["target"]}:{e["stance"]}:{e["weight"]}").Order().ToList();
        Assert.Equal(expectedEdges, graph["edges"]!.AsArray().Select(e => $"{e![0]}>{e[1]}:{e[2]!["stance"]}:{e[2]!["weight"]!.GetValue<int>()}").Order());
    }

    /// <summary>NetworkX (Debian's python3-networkx) as an independent GraphML reader.</summary>
    private static class NetworkX
    {
        private const string Script = """
            import json, sys
            import networkx as nx
            g = nx.read_graphml(sys.argv[1])
            print(json.dumps({"directed": g.is_directed(), "nodes": {n: d for n, d in g.nodes(data=True)},
                              "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}))
            """;

        /// <summary>Null when python3 can import networkx, else why not.</summary>
        public static async Task<string?> ProbeAsync()
        {
            try
            {
                var (code, _, error) = await RunAsync("-c", "import networkx");
                return code == 0 ? null : $"python3 cannot import networkx (apt-get install python3-networkx): {error.Trim()}";
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "python3 is not installed, so no GraphML reader (apt-get install python3-networkx).";
            }
        }

        public static async Task<JsonNode> ReadAsync(string file)
        {
            var (code, output, error) = await RunAsync("-c", Script, file);
            Assert.True(code == 0, $"networkx could not read the GraphML:\n{error}");
            return JsonNode.Parse(output)!;
        }

        private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments)
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(Ct);
            var error = process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            return (process.ExitCode, await output, await error);
        }
    }
}
