using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.Tests.Browser;

/// <summary>
/// The embeddable graph as a reader and a dashboard author use it: drawn from the sample reports, filtered,
/// clicked, used with the keyboard and at 400 px, framed by another origin, and at 500 nodes.
/// </summary>
public sealed class EmbedPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task WaitForLoadAsync(IPage page, int loads) =>
        await page.WaitForFunctionAsync($"() => window.normsGraph && window.normsGraph.loads >= {loads} && document.body.dataset.state === 'ready'",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });

    private static async Task<string[]> IdsAsync(IPage page, string selector) =>
        await page.EvaluateAsync<string[]>($"() => window.normsGraph.cy.{selector}().map(e => e.id()).sort()");

    [Fact]
    public async Task Where_readers_need_a_key_the_page_sends_the_one_its_fragment_gives_and_drops_it_from_the_address()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync(new()
        {
            ["Api:ReadsNeedKey"] = "true",
            ["Api:Keys:0:Name"] = "dashboard",
            ["Api:Keys:0:Key"] = "embed-reader-key-0123456789",
            ["Api:Keys:0:Scopes:0"] = "read",
        });
        var (context, page, _) = await browser.NewPageAsync();
        await using var __ = context;

        await page.GotoAsync(api.Url("/embed/graph?focus=gge-13j").ToString());
        await page.WaitForFunctionAsync("() => document.body.dataset.state === 'error'", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        // From another page: a change of fragment alone would not load the page again.
        await page.GotoAsync("about:blank");
        await page.GotoAsync(api.Url("/embed/graph?focus=gge-13j#key=embed-reader-key-0123456789").ToString());
        await WaitForLoadAsync(page, 1);
        Assert.Contains("bra", await IdsAsync(page, "nodes"));
        Assert.DoesNotContain("key", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("key", await page.Locator("#embed-snippet").InputValueAsync(), StringComparison.Ordinal);

        // The evidence of a node comes through /graphql with the same key.
        await page.EvaluateAsync("() => window.normsGraph.select('bra')");
        await Assertions.Expect(page.Locator("#details .evidence").First).ToContainTextAsync("Brazil welcomed the guidance");
    }

    [Fact]
    public async Task The_embed_page_draws_the_view_filters_it_and_shows_the_evidence_of_a_clicked_node()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync();
        using var client = api.CreateClient();
        var view = JsonNode.Parse(await client.GetStringAsync("/api/graph-view?focus=gge-13j", Ct))!;
        var (context, page, console) = await browser.NewPageAsync();
        await using var _ = context;

        var response = await page.GotoAsync(api.Url("/embed/graph?focus=gge-13j").ToString());
        await WaitForLoadAsync(page, 1);

        var csp = response!.Headers["content-security-policy"];
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Equal(view["elements"]!["nodes"]!.AsArray().Select(n => n!["data"]!["id"]!.GetValue<string>()).Order(), await IdsAsync(page, "nodes"));
        Assert.Equal(view["elements"]!["edges"]!.AsArray().Select(n => n!["data"]!["id"]!.GetValue<string>()).Order(), await IdsAsync(page, "edges"));
        Assert.Equal(["bra", "gcsc", "gge-13j", "tech-accord"], await IdsAsync(page, "nodes"));
        Assert.Contains("tech-accord:support:gge-13j", await IdsAsync(page, "edges"));
        Assert.Contains("private sector", await page.Locator("#legend").InnerTextAsync(), StringComparison.Ordinal);

        // A filter: no private sector. The page asks the server again and the address keeps the filter.
        await page.Locator("[data-param=actorTypes] input[value=private_sector]").UncheckAsync();
        await WaitForLoadAsync(page, 2);
        Assert.Equal(["bra", "gcsc", "gge-13j"], await IdsAsync(page, "nodes"));
        Assert.Contains("actorTypes=", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("private_sector", page.Url, StringComparison.Ordinal);
        Assert.Contains("actorTypes=", await page.Locator("#embed-snippet").InputValueAsync(), StringComparison.Ordinal);

        // Clicking Brazil's node in the drawing shows its positions with the evidence and the report.
        var point = await page.EvaluateAsync<JsonElement>("""
            () => { const n = window.normsGraph.cy.getElementById('bra'); const p = n.renderedPosition();
                    const box = document.getElementById('cy').getBoundingClientRect(); return { x: box.left + p.x, y: box.top + p.y }; }
            """);
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        var details = page.Locator("#details");
        await Assertions.Expect(details.Locator(".evidence").First).ToContainTextAsync("Brazil welcomed the guidance");
        Assert.Contains("First Committee, 76th session", await details.InnerTextAsync(), StringComparison.Ordinal);

        // Re-focus on Brazil: it becomes the centre and its other targets come in.
        await details.GetByRole(AriaRole.Button, new() { NameRegex = new("^Focus on Brazil") }).ClickAsync();
        await WaitForLoadAsync(page, 3);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.normsGraph.cy.getElementById('bra').data('distance')"));
        Assert.Contains("focus=bra", page.Url, StringComparison.Ordinal);
        Assert.True((await IdsAsync(page, "nodes")).Length > 2);
        Assert.True(console.Count == 0, "The page logged:\n" + string.Join("\n", console));
    }

    [Fact]
    public async Task The_embed_page_keeps_every_graph_view_parameter_it_has_no_control_for()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync();
        using var client = api.CreateClient();
        const string Query = "focus=gge-13j&depth=2&minConfidence=0.95&minStatements=1";
        var view = JsonNode.Parse(await client.GetStringAsync("/api/graph-view?" + Query, Ct))!;
        var unfiltered = JsonNode.Parse(await client.GetStringAsync("/api/graph-view?focus=gge-13j&depth=2", Ct))!;
        var (context, page, console) = await browser.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync(api.Url("/embed/graph?" + Query).ToString());
        await WaitForLoadAsync(page, 1);

        var expected = view["elements"]!["nodes"]!.AsArray().Select(n => n!["data"]!["id"]!.GetValue<string>()).Order().ToArray();
        Assert.True(expected.Length < unfiltered["elements"]!["nodes"]!.AsArray().Count, "the confidence filter should leave some nodes out");
        Assert.Equal(expected, await IdsAsync(page, "nodes"));
        Assert.Contains("minConfidence=0.95", page.Url, StringComparison.Ordinal);
        Assert.Contains("minConfidence=0.95", await page.Locator("#embed-snippet").InputValueAsync(), StringComparison.Ordinal);
        Assert.True(console.Count == 0, "The page logged:\n" + string.Join("\n", console));
    }

    [Fact]
    public async Task With_every_stance_unchecked_the_embed_page_draws_nothing_and_says_why()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync();
        var (context, page, console) = await browser.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(api.Url("/embed/graph?focus=gge-13j").ToString());
        await WaitForLoadAsync(page, 1);

        // The server reads an empty list as no filter; with all four boxes unchecked the page drew every position.
        foreach (var stance in new[] { "support", "oppose", "propose", "concern" })
        {
            await page.Locator($"[data-param=stances] input[value={stance}]").UncheckAsync();
        }
        await page.WaitForFunctionAsync("() => window.normsGraph.cy.nodes().length === 0", null, new PageWaitForFunctionOptions { Timeout = 10_000 });

        Assert.Empty(await IdsAsync(page, "edges"));
        Assert.Contains("Choose at least one stance", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("stances=", page.Url, StringComparison.Ordinal);
        Assert.True(console.Count == 0, "The page logged:\n" + string.Join("\n", console));
    }

    [Fact]
    public async Task A_view_around_a_merged_actor_s_old_id_is_titled_with_the_actor_it_was_merged_into()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync();
        await api.Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "bra", "fra"), "curator", Ct);
        var (context, page, console) = await browser.NewPageAsync();
        await using var _ = context;

        // The server centres the view on France; the page looked for a node "bra", found none and printed the bare id.
        await page.GotoAsync(api.Url("/embed/graph?focus=bra").ToString());
        await WaitForLoadAsync(page, 1);

        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.normsGraph.cy.getElementById('fra').data('distance')"));
        Assert.Equal("NormsGraph: France", await page.Locator("#title").InnerTextAsync());
        Assert.EndsWith("around France", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(console.Count == 0, "The page logged:\n" + string.Join("\n", console));
    }

    [Fact]
    public async Task The_embed_page_works_with_the_keyboard_and_reads_at_400_pixels()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync();
        var (context, page, _) = await browser.NewPageAsync(width: 400, height: 900);
        await using var __ = context;

        await page.GotoAsync(api.Url("/embed/graph?focus=gge-13j").ToString());
        await WaitForLoadAsync(page, 1);

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 400 px.");
        Assert.True(await page.EvaluateAsync<double>("() => document.getElementById('cy').getBoundingClientRect().width") >= 300);

        // Tab from the top reaches the skip link first; the node list is a list of buttons that Enter activates.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to the filters", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Locator("#node-list button[data-node=tech-accord]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#details .evidence").First).ToContainTextAsync("responsible disclosure of vulnerabilities");
        Assert.Equal("true", await page.Locator("#node-list button[data-node=tech-accord]").GetAttributeAsync("aria-pressed"));

        // Every actor of this view supports the norm: without support, none is left.
        await page.Locator("input[value=support]").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await WaitForLoadAsync(page, 2);
        Assert.DoesNotContain("gcsc", await IdsAsync(page, "nodes"));
    }

    [Fact]
    public async Task The_embed_page_shows_inside_an_iframe_of_an_allowed_origin_and_not_of_another()
    {
        browser.RequireBrowser();
        await using var host = await HostPage.StartAsync();
        // 127.0.0.1 and localhost on the same port are two origins: one allowed, one not.
        var allowed = host.Address.GetLeftPart(UriPartial.Authority);
        var other = allowed.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await using var api = await LiveApi.StartAsync(new() { ["Embed:FrameAncestors:0"] = allowed });
        host.EmbedUrl = api.Url("/embed/graph?focus=gge-13j&stances=support").ToString();
        var (context, page, console) = await browser.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync(allowed + "/dashboard");
        var frame = page.Frames.Single(f => f.Url.StartsWith(api.Address.ToString(), StringComparison.Ordinal));
        await frame.WaitForFunctionAsync("() => document.body.dataset.state === 'ready'", null, new FrameWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal(["bra", "gcsc", "gge-13j", "tech-accord"], await frame.EvaluateAsync<string[]>("() => window.normsGraph.cy.nodes().map(n => n.id()).sort()"));
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, "embed-in-iframe.png") });

        await page.GotoAsync(other + "/dashboard");
        await page.WaitForTimeoutAsync(1500);
        var refused = page.Frames.Where(f => f != page.MainFrame).ToList();
        var drawn = false;
        foreach (var f in refused)
        {
            try
            {
                drawn |= await f.EvaluateAsync<bool>("() => !!(window.normsGraph && window.normsGraph.cy)");
            }
            catch (PlaywrightException)
            {
                // An error page in the frame: nothing of ours is there.
            }
        }
        Assert.False(drawn, "The page was drawn inside a frame of an origin that is not allowed.");
        Assert.Contains(console, line => line.Contains("frame-ancestors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_view_of_500_nodes_renders_without_freezing_and_says_it_was_truncated()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync();
        await api.Store.ApplyAsync(LargeReport(actors: 520), Ct);
        var (context, page, _) = await browser.NewPageAsync();
        await using var __ = context;

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(api.Url("/embed/graph?limit=500").ToString());
        await WaitForLoadAsync(page, 1);
        var ready = clock.Elapsed;

        var metrics = await page.EvaluateAsync<JsonElement>("() => Object.assign({ layoutMs: window.normsGraph.layoutMs }, window.normsGraph.metrics)");
        Assert.Equal(500, metrics.GetProperty("nodes").GetInt32());
        Assert.True(metrics.GetProperty("edges").GetInt32() >= 500);
        await Assertions.Expect(page.Locator("#truncated")).ToBeVisibleAsync();
        // The page still answers straight after drawing: a frozen main thread would not run this.
        var responsive = Stopwatch.StartNew();
        await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => resolve(true)))");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"500-node view: fetch {metrics.GetProperty("fetchMs")} ms, layout and first render {metrics.GetProperty("renderMs")} ms, " +
            $"page total {metrics.GetProperty("totalMs")} ms, navigation to ready {ready.TotalMilliseconds:F0} ms, next frame {responsive.ElapsedMilliseconds} ms");
        TestContext.Current.AddAttachment("graph-500-metrics", metrics.GetRawText());
    }

    [Fact]
    public async Task The_embed_page_screenshot_for_the_docs()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync();
        var (context, page, _) = await browser.NewPageAsync(width: 1200, height: 760);
        await using var __ = context;

        await page.GotoAsync(api.Url("/embed/graph?focus=gge-13j&depth=2").ToString());
        await WaitForLoadAsync(page, 1);
        await page.EvaluateAsync("() => window.normsGraph.select('tech-accord')");
        await Assertions.Expect(page.Locator("#details .evidence").First).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");

        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, "embed-graph.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
        // docs/embed-graph.png is refreshed on request only, like the schema snapshot, so a test run leaves the tree clean.
        if (Environment.GetEnvironmentVariable("NORMSGRAPH_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(path, RepositoryRoot.Combine("docs", "embed-graph.png"), overwrite: true);
        }
    }

    private static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    // A report of made-up actors, each supporting two of the taxonomy's norms, so that the whole graph has over 500 nodes.
    private static ReportGraph LargeReport(int actors)
    {
        string[] targets = ["gge-13a", "gge-13b", "gge-13c", "gge-13d", "gge-13e", "gge-13f", "gge-13g", "gge-13h", "gge-13i", "gge-13j", "gge-13k", "p-intl-law", "p-cbm"];
        var types = Enum.GetValues<ActorType>();
        var people = Enumerable.Range(1, actors)
            .Select(i => new Actor($"load-actor-{i:D3}", $"Load test actor {i:D3}", types[i % types.Length], [], false)).ToList();
        var text = string.Join(" ", people.Select(a => $"{a.Name} supported the norms."));
        var report = new Report(StableIds.ForReportText(text), "Load test session", new DateOnly(2024, 3, 4), "load.txt", text, ReportFormat.PlainText, "load-test");
        var positions = people.SelectMany((a, i) => new[] { targets[i % targets.Length], targets[(i * 7 + 3) % targets.Length] }.Distinct()
            .Select(t => new ExtractedPosition(StatementIds.Create("load.txt", a.Name + t, a.Id, t, Stance.Support), a.Id, Stance.Support, t,
                $"{a.Name} supported the norms.", 0, 10, 0.8))).ToList();
        return new ReportGraph(report, null, null, people, [], positions);
    }

    /// <summary>A dashboard page on a second Kestrel server (another origin) that frames the embed page.</summary>
    private sealed class HostPage : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private HostPage(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public string EmbedUrl { get; set; } = "about:blank";

        public static async Task<HostPage> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            HostPage? host = null;
            app.MapGet("/dashboard", () => Results.Content($$"""
                <!doctype html><html><head><title>Dashboard</title></head>
                <body><h1>A dashboard on another origin</h1>
                <iframe src="{{System.Net.WebUtility.HtmlEncode(host!.EmbedUrl)}}" title="NormsGraph view" width="1000" height="700"></iframe>
                </body></html>
                """, "text/html"));
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            host = new HostPage(app, address);
            return host;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
