using System.Diagnostics;

namespace NormsGraph.Api.Tests.Http;

/// <summary>
/// graphql-http's audit suite (every MUST and SHOULD of the GraphQL-over-HTTP spec it checks) against the API as a
/// real process. Needs node and `npm ci` in tools/graphql-http-audit; skips without them unless
/// NORMSGRAPH_REQUIRE_GRAPHQL_HTTP_AUDIT=1 (set by CI once it installed them).
/// </summary>
public sealed class GraphQLHttpAuditTests
{
    [Fact]
    public async Task The_endpoint_passes_every_graphql_http_audit()
    {
        var tool = RepositoryRoot.Combine("tools", "graphql-http-audit");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "graphql-http")))
        {
            SkipOrFail("tools/graphql-http-audit has no node_modules; run `npm ci` there (CI does, in .ci/install.sh).");
        }
        await using var api = await ApiProcess.StartAsync((start, port) => start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}");
        var audit = new ProcessStartInfo("node")
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        audit.ArgumentList.Add("audit.mjs");
        audit.ArgumentList.Add(new Uri(api.BaseAddress, "graphql").ToString());
        Process process;
        try
        {
            process = Process.Start(audit)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            SkipOrFail("node is not installed; the graphql-http audit needs Node.js 18 or later.");
            return;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, $"graphql-http audits failed:\n{await output}\n{await errors}");
            var summary = System.Text.RegularExpressions.Regex.Match(await output, @"graphql-http audit: (\d+) audits, \1 ok, 0 not ok");
            Assert.True(summary.Success, $"no clean audit summary in:\n{await output}");
            // graphql-http 1.23.1 has 61 audits; fewer would mean the suite no longer runs them all.
            Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 61, summary.Value);
        }
    }

    private static void SkipOrFail(string reason) => MissingTool.SkipUnlessRequired("NORMSGRAPH_REQUIRE_GRAPHQL_HTTP_AUDIT", reason);
}
