using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace NormsGraph.Api.Tests.Browser;

/// <summary>GraphiQL at GET /graphql, opened by a real browser against the API on Kestrel with the sample reports.</summary>
public sealed class GraphiQLPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GraphiQL_runs_the_readme_example_query_and_shows_its_answer()
    {
        browser.RequireBrowser();
        await using var api = await LiveApi.StartAsync();
        var (context, page, console) = await browser.NewPageAsync();
        await using var _ = context;

        var response = await page.GotoAsync(api.Url("/graphql").ToString());

        Assert.Equal(200, response!.Status);
        Assert.DoesNotContain("unsafe-inline", response.Headers["content-security-policy"], StringComparison.Ordinal);
        await page.Locator(".graphiql-container").WaitForAsync();
        var editor = await page.Locator(".graphiql-query-editor").InnerTextAsync();
        Assert.Contains("WhoSupported", editor, StringComparison.Ordinal);

        await page.Locator(".graphiql-execute-button").ClickAsync();

        var result = page.Locator(".result-window");
        await Assertions.Expect(result).ToContainTextAsync("Cybersecurity Tech Accord", new() { Timeout = 30_000 });
        // GraphiQL renders the answer progressively; each expectation waits for the finished text.
        await Assertions.Expect(result).ToContainTextAsync("\"totalCount\": 3", new() { Timeout = 30_000 });
        await Assertions.Expect(result).ToContainTextAsync("Report ICT vulnerabilities responsibly", new() { Timeout = 30_000 });
        await Assertions.Expect(result).ToContainTextAsync("Brazil", new() { Timeout = 30_000 });
        Assert.DoesNotContain("\"errors\"", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.Ordinal) || line.StartsWith("pageerror", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_graphql_client_asking_for_json_still_gets_the_api_not_the_page()
    {
        await using var api = await LiveApi.StartAsync();
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync(Ct));
    }
}
