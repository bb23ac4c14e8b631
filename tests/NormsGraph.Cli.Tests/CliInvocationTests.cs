using NormsGraph.Core.Samples;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Cli.Tests;

/// <summary>What a user or a script sees of the real binary: exit codes, one-line messages, signals.</summary>
public sealed class CliInvocationTests
{
    private const string Report = """
        Open consultations on critical infrastructure

        3 Mar 2021 10:00h - 12:00h

        Kenya stressed that states must not damage critical infrastructure that provides services to the public.
        """;

    public static TheoryData<string[], string> ExpectedFailures => new()
    {
        { ["extract", "r.txt", "--semantic", "abc"], "--semantic takes a matcher score between 0 and 1" },
        { ["extract", "r.txt", "--semantic", "7"], "not '7'" },
        { ["extract", "r.txt", "--semantic", "NaN"], "not 'NaN'" },
        { ["link", "--input", "missing.jsonl", "--store", "g.db"], "missing.jsonl" },
        { ["link", "--input", "st.jsonl", "--weights", "missing.json", "--store", "g.db"], "missing.json" },
        { ["link", "--input", "st.jsonl", "--weights", "bad-weights.json", "--no-semantic", "--store", "g.db"], "--weights bad-weights.json: not a usable fusion weights file: the \"full\" model" },
        { ["export", "--format", "graphml", "-o", "folder", "--store", "g.db"], "--output folder is a folder" },
        { ["export", "--format", "csv", "-o", "r.txt", "--store", "g.db"], "--output r.txt is a file" },
        { ["export", "--format", "graphml", "-o", "/proc/x.json", "--store", "existing.db"], "/proc/x.json" },
        { ["export", "--format", "csv", "--store", "typo.db"], "typo.db does not exist (check --store)" },
        { ["reextract", "--store", "typo.db"], "typo.db does not exist (check --store)" },
        { ["generate", "r.txt"], "r.txt is a file" },
        { ["generate", "/proc/gen"], "/proc/gen" },
        { ["eval", "positions", "--gold", "missing.jsonl", "--reports", "folder"], "missing.jsonl" },
        { ["eval", "positions", "--gold", "gold.jsonl", "--reports", "nowhere"], "the --reports folder 'nowhere' does not exist" },
        { ["ingest", "r.txt", "--store", "/proc/nope/x.db"], "store /proc/nope/x.db" },
        { ["ingest", "r.txt", "--store", "r.txt"], "is not a NormsGraph store" },
        { ["reextract", "--store", "r.txt"], "is not a NormsGraph store" },
        { ["ingest", "r.txt", "--store", "folder"], "Cannot open the embedded store" },
        { ["ingest", "r.txt", "--store", "g.db", "--concurrency", "0"], "--concurrency must be 1 or more." },
        { ["eval", "positions", "--gold", "gold.jsonl", "--reports", "unreadable"], "empty.txt: EMPTY_REPORT" },
        { ["eval", "positions", "--gold", "gold.jsonl", "--reports", "twins"], "twins/a.md" },
        { ["bench", "extract", "--seeds", "r.txt", "--reports", "0"], "--reports must be at least 1" },
        { ["link", "fit", "--gold", "r.txt", "--store", "existing.db"], "r.txt:1: not JSON" },
        { ["link", "fit", "--gold", "st.jsonl", "--store", "existing.db"], "st.jsonl:1: expected" },
        { ["link", "fit", "--gold", "one-link.jsonl", "--store", "existing.db"], "at least 2 gold statements" },
        { ["bench", "extract", "--seeds", "nowhere", "--reports", "1", "--repeats", "1"], "no seed reports" },
        { ["bench", "extract", "--seeds", "unreadable/empty.txt", "--reports", "1", "--repeats", "1"], "empty.txt: EMPTY_REPORT" },
    };

    [Theory]
    [MemberData(nameof(ExpectedFailures))]
    public async Task An_expected_failure_is_one_line_naming_the_cause_with_exit_code_1_and_no_stack_trace(string[] args, string expected)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows() && args.Any(a => a.StartsWith("/proc", StringComparison.Ordinal)), "/proc is Linux's.");
        using var run = new CliRun();
        run.Write("r.txt", Report);
        run.Write("st.jsonl", """{"id": "a", "text": "States should protect critical infrastructure."}""");
        run.Write("bad-weights.json", """{"bad": 1}""");
        run.Write("gold.jsonl", "");
        run.Write("folder/readme.txt", Report);
        run.Write("unreadable/empty.txt", "");
        run.Write("twins/a.txt", Report);
        run.Write("twins/a.md", Report);
        run.Write("one-link.jsonl", """{"id": "a", "text": "States should protect critical infrastructure.", "norms": ["gge-13f"]}""");
        var (code, _, _) = await CliProcess.RunAsync(run.Root, "ingest", "r.txt", "--store", "existing.db");
        Assert.Equal(0, code);

        var (failed, _, errors) = await CliProcess.RunAsync(run.Root, args);

        Assert.Equal(1, failed);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run.Root, "typo.db")), "a read-only command created the store it was given");
    }

    [Fact]
    public async Task Colliding_inputs_exit_with_2_and_name_both_files()
    {
        using var run = new CliRun();
        run.Write("dup/a/report.txt", Report);
        run.Write("dup/b/report.txt", Report.Replace("Kenya", "Ghana", StringComparison.Ordinal));

        var (code, _, errors) = await CliProcess.RunAsync(run.Root, "ingest", "dup/a", "dup/b", "--store", "g.db");

        Assert.Equal(2, code);
        Assert.Contains("dup/a/report.txt", errors, StringComparison.Ordinal);
        Assert.Contains("dup/b/report.txt", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("batch", "--help")]
    public async Task An_unknown_command_fails_with_or_without_help(params string[] args)
    {
        using var run = new CliRun();

        var (code, _, errors) = await CliProcess.RunAsync(run.Root, args);

        Assert.Equal(1, code);
        Assert.Contains("Unrecognized command or argument 'batch'", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_signal_stops_ingest_promptly_keeping_what_was_stored_and_saying_so(string signal, int expected)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX signals.");
        using var run = new CliRun();
        SyntheticReports.WriteTo(Path.Combine(run.Root, "corpus"), 2000, seed: 9);
        var stopping = TimeSpan.Zero;

        var (code, output, errors) = await CliProcess.RunAsync(run.Root, new Dictionary<string, string>(), async process =>
        {
            // The signal handlers are in place before the store opens; the signal comes once some report is stored (a fixed
            // wait was too short on a loaded machine, where none was stored yet).
            while (!process.HasExited && await StoredReportsAsync(run.StorePath) == 0)
            {
                await Task.Delay(50, CliRun.Ct);
            }
            var sent = System.Diagnostics.Stopwatch.GetTimestamp();
            await CliProcess.SignalAsync(process, signal);
            await process.WaitForExitAsync(CliRun.Ct);
            stopping = System.Diagnostics.Stopwatch.GetElapsedTime(sent);
        }, "ingest", "corpus", "--store", run.StorePath, "--concurrency", "1");

        Assert.True(code == expected, $"exit {code}\n{errors}\n{output[^Math.Min(output.Length, 2000)..]}");
        Assert.True(stopping < TimeSpan.FromSeconds(10), $"took {stopping} to stop");
        Assert.Contains("interrupted with", output, StringComparison.Ordinal);
        var ingested = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"  ingested +(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ingested, 1, 1999);
        using var store = new EmbeddedGraphStore(run.StorePath);
        Assert.Equal(ingested, (await store.GetStatisticsAsync(CliRun.Ct)).Reports);
    }

    // Reports stored so far, read beside the running command (the store's WAL lets a reader in while it writes).
    private static async Task<long> StoredReportsAsync(string storePath)
    {
        if (!File.Exists(storePath))
        {
            return 0;
        }
        try
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync(CliRun.Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM reports;";
            return (long)(await command.ExecuteScalarAsync(CliRun.Ct))!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not created yet, or busy: asked again shortly
        }
    }
}
