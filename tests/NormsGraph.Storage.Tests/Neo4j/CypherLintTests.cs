namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// Every Cypher statement goes through Neo4j's own parser and semantic analysis (tools/cypher-lint) against the
/// checked-in schema, and the lint is shown to fail on a broken statement. Needs node and
/// `npm ci` in tools/cypher-lint; skips without them unless NORMSGRAPH_REQUIRE_CYPHER_LINT=1 (set by CI).
/// </summary>
public sealed class CypherLintTests
{
    // About 30 s for every file on an idle machine, but past 2 min when the whole suite runs beside other builds on
    // two shared cores; the limit only stops a lint that hangs.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_cypher_file_passes_the_lint_without_errors_or_warnings()
    {
        var files = Directory.EnumerateFiles(RepositoryRoot.Combine("graph-schema", "neo4j"), "*.cypher", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryRoot.Combine("tests", "NormsGraph.Storage.Tests", "Neo4j", "Cypher"), "*.cypher"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);

        var result = await LintAsync(files);

        Assert.True(result.ExitCode == 0, $"The Cypher lint failed:\n{result}");
        Assert.Contains($"cypher-lint: {files.Count} files, 0 errors, 0 warnings", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lint_fails_on_an_unknown_function_an_undefined_variable_and_a_syntax_error()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"normsgraph-broken-{Guid.NewGuid():N}.cypher");
        await File.WriteAllTextAsync(broken, """
            MATCH (a:Actor {id: $actorId})
            RETURN frobnicate(a.name) AS name, missing.id AS id;
            MATCH (s:Statement RETURN s;
            """, Ct);
        try
        {
            var result = await LintAsync([broken]);

            Assert.True(result.ExitCode == 1, $"The lint should have failed:\n{result}");
            Assert.Contains("error: Function frobnicate is not present in the database", result.Output, StringComparison.Ordinal);
            Assert.Contains("error: Variable `missing` not defined", result.Output, StringComparison.Ordinal);
            Assert.Contains("error: Invalid input 'RETURN'", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static async Task<CommandResult> LintAsync(IReadOnlyList<string> files)
    {
        var tool = RepositoryRoot.Combine("tools", "cypher-lint");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "@neo4j-cypher", "language-support")))
        {
            SkipOrFail("tools/cypher-lint has no node_modules; run `npm ci` there (CI does, in .ci/install.sh).");
        }
        string[] arguments = ["lint.mjs", "--strict", "--schema", RepositoryRoot.Combine("graph-schema", "neo4j", "lint-schema.json"), .. files];
        var result = await ExternalCommand.RunAsync("node", arguments, tool, Timeout, Ct);
        if (result is null)
        {
            SkipOrFail("node is not installed; the Cypher lint needs Node.js 20 or later.");
        }
        return result!;
    }

    private static void SkipOrFail(string reason) => MissingTool.SkipUnlessRequired("NORMSGRAPH_REQUIRE_CYPHER_LINT", reason);
}
