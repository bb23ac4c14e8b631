using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NormsGraph.Api.Embed;
using NormsGraph.Api.Web;

namespace NormsGraph.Api.Tests.Web;

/// <summary>The pages as HTTP sees them: what is served to whom, and with which security headers.</summary>
public sealed class WebPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetHtmlAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return await client.SendAsync(request, Ct);
    }

    // GraphiQL and the embed page need the npm libraries the build installs; a build without npm serves a page that says
    // how to enable them instead. Their tests skip then, unless NORMSGRAPH_REQUIRE_WEB_LIBRARIES=1 (CI, with npm) says
    // the libraries must be there.
    private static void RequireLibraries()
    {
        var assets = new WebAssets(Path.Combine(AppContext.BaseDirectory, "web"));
        if (assets.LibrariesInstalled)
        {
            return;
        }
        MissingTool.SkipUnlessRequired("NORMSGRAPH_REQUIRE_WEB_LIBRARIES",
            $"The build did not install the pages' npm libraries ({string.Join(", ", assets.Missing)}).");
    }

    [Fact]
    public async Task The_landing_page_links_graphiql_the_embed_page_health_and_the_schema()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        using var response = await GetHtmlAsync(client, "/");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var link in new[] { "href=\"/graphql\"", "href=\"/embed/graph?focus=gge-13j\"", "href=\"/health/ready\"", "href=\"/schema.graphql\"", "href=\"/api/graph-view.graphml?focus=gge-13j\"" })
        {
            Assert.Contains(link, html, StringComparison.Ordinal);
        }
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var schema = await client.GetStringAsync("/schema.graphql", Ct);
        Assert.Contains("graphView(", schema, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_asking_graphql_for_html_gets_graphiql_and_an_api_client_gets_json()
    {
        RequireLibraries();
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        using var page = await GetHtmlAsync(client, "/graphql");
        using var api = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var answer = await client.SendAsync(api, Ct);

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("/assets/vendor/graphiql/graphiql.min.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await answer.Content.ReadAsStringAsync(Ct));
        using var library = await client.GetAsync("/assets/vendor/graphiql/graphiql.min.js", Ct);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
    }

    [Fact]
    public async Task The_embed_page_may_be_framed_by_the_configured_origins_only()
    {
        RequireLibraries();
        await using var factory = new ApiFactory(new() { ["Embed:FrameAncestors:0"] = "https://dashboards.example.org", ["Embed:FrameAncestors:1"] = "https://*.example.net" });

        using var response = await GetHtmlAsync(factory.CreateClient(), "/embed/graph?focus=gge-13j");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.EndsWith("frame-ancestors 'self' https://dashboards.example.org https://*.example.net", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Contains("/assets/embed/graph.js", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.org/path")]
    [InlineData("https://example.org; script-src *")]
    [InlineData("'unsafe-inline'")]
    [InlineData("example.org")]
    public void A_frame_ancestor_that_is_not_an_origin_stops_the_api_at_start(string origin)
    {
        var result = new EmbedOptionsValidator().Validate(null, new EmbedOptions { FrameAncestors = [origin] });

        Assert.True(result.Failed);
        Assert.Contains("Embed:FrameAncestors", result.FailureMessage, StringComparison.Ordinal);
    }

    // The API's own registration on a plain host: under load, WebApplicationFactory at times reports an entry point
    // that failed on start as a disposed service provider, which hid the validation error this test is about.
    [Fact]
    public void The_api_refuses_to_start_with_a_bad_frame_ancestor()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Embed:FrameAncestors:0"] = "https://example.org/embed" });
        builder.Services.AddEmbed(builder.Configuration);
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Start());

        Assert.Contains("Embed:FrameAncestors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_npm_libraries_the_pages_say_how_to_enable_them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "normsgraph-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "web", "missing-assets.html"), Path.Combine(folder, "missing-assets.html"));
            File.WriteAllText(Path.Combine(folder, "graphiql.html"), "<p>GraphiQL</p>");
            var assets = new WebAssets(folder);

            Assert.False(assets.LibrariesInstalled);
            Assert.Contains("vendor/cytoscape/cytoscape.min.js", assets.Missing);
            Assert.Contains("npm ci", assets.Page("graphiql.html", needsLibraries: true), StringComparison.Ordinal);
            Assert.Equal("<p>GraphiQL</p>", assets.Page("graphiql.html"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
