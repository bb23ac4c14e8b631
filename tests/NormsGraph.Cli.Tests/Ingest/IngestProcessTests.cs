using NormsGraph.Storage.Embedded;

namespace NormsGraph.Cli.Tests.Ingest;

/// <summary>The real binary, configured like the API: appsettings.json, then environment variables, then <c>--store</c>.</summary>
public sealed class IngestProcessTests
{
    private static async Task<(int Code, string Output)> RunCliAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (code, output, errors) = await CliProcess.RunAsync(workingDirectory, environment, null, args);
        return (code, output + errors);
    }

    private static async Task<int> ReportCountAsync(string path)
    {
        using var store = new EmbeddedGraphStore(path);
        return (await store.GetStatisticsAsync(CliRun.Ct)).Reports;
    }

    [Fact]
    public async Task The_store_comes_from_the_environment_and_the_store_option_overrides_it()
    {
        using var run = new CliRun();
        run.Write("reports/a.txt", """
            Regional dialogue on cyber capacity building

            7 Jul 2022 09:00h - 10:30h

            Ghana called for capacity building that is demand-driven and sustainable.
            """);
        var fromEnvironment = Path.Combine(run.Root, "env", "graph.db");
        var fromOption = Path.Combine(run.Root, "option", "graph.db");
        var environment = new Dictionary<string, string> { ["Store__Embedded__Path"] = fromEnvironment };

        var (code, output) = await RunCliAsync(run.Root, environment, "ingest", "reports");
        var (optionCode, optionOutput) = await RunCliAsync(run.Root, environment, "ingest", "reports", "--store", fromOption);

        Assert.True(code == 0, output);
        Assert.True(optionCode == 0, optionOutput);
        Assert.Contains("[1/1] ingested a.txt", output, StringComparison.Ordinal);
        Assert.Contains(fromEnvironment, output, StringComparison.Ordinal);
        Assert.Contains(fromOption, optionOutput, StringComparison.Ordinal);
        Assert.Equal(1, await ReportCountAsync(fromEnvironment));
        Assert.Equal(1, await ReportCountAsync(fromOption));
        Assert.False(Directory.Exists(Path.Combine(run.Root, "data")), "the default store was not touched");
    }
}
