using NormsGraph.Cli.Ingest;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Cli.Tests.Ingest;

public sealed class IngestCommandTests
{
    private const string Report = """
        Open consultations on critical infrastructure

        3 Mar 2021 10:00h - 12:00h

        Event report

        Kenya stressed that states must not damage critical infrastructure that provides services to the public.
        """;

    private const string OtherReport = """
        # Workshop on vulnerability disclosure

        Access Now called for responsible reporting of ICT vulnerabilities and for the protection of security researchers.
        """;

    private static Task<(int Code, string Output, string Errors)> IngestAsync(CliRun run, params string[] paths) =>
        run.RunAsync((services, console, errors, ct) => IngestCommand.RunAsync(services, paths, 2, console, errors, ct));

    [Fact]
    public async Task A_folder_is_ingested_with_a_line_per_report_and_a_summary_naming_the_failures()
    {
        using var run = new CliRun();
        var folder = Path.Combine(run.Root, "reports");
        run.Write("reports/one.txt", Report);
        run.Write("reports/2021/two.md", OtherReport);
        run.Write("reports/minutes.pdf", "%PDF-1.4 not a report");

        var (code, output, _) = await IngestAsync(run, folder);

        Assert.Equal(2, code);
        Assert.Contains("[3/3]", output, StringComparison.Ordinal);
        Assert.Matches(@"ingest: 3 reports in [\d.]+ s \([\d.]+ reports/s\), store ", output);
        Assert.Contains("  ingested   2", output, StringComparison.Ordinal);
        Assert.Contains("  failed     1", output, StringComparison.Ordinal);
        Assert.Contains("minutes.pdf: UNKNOWN_FORMAT", output, StringComparison.Ordinal);
        using var store = new EmbeddedGraphStore(run.StorePath);
        var sources = new List<string?>();
        await foreach (var report in store.ReadReportsAsync(CliRun.Ct))
        {
            sources.Add(report.Source);
        }
        Assert.Equal(["2021/two.md", "one.txt"], sources.Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "one.txt")), "ingest leaves the files where they are");
    }

    [Fact]
    public async Task Running_again_changes_nothing_and_an_edited_file_replaces_its_earlier_version()
    {
        using var run = new CliRun();
        var folder = Path.Combine(run.Root, "reports");
        run.Write("reports/one.txt", Report);
        run.Write("reports/two.md", OtherReport);
        await IngestAsync(run, folder);

        var (again, unchanged, _) = await IngestAsync(run, folder);
        run.Write("reports/one.txt", Report + "\nBrazil welcomed confidence-building measures such as a directory of points of contact.\n");
        var (_, edited, _) = await IngestAsync(run, folder);

        Assert.Equal(0, again);
        Assert.Contains("  unchanged  2", unchanged, StringComparison.Ordinal);
        Assert.Contains("  replaced   1", edited, StringComparison.Ordinal);
        Assert.Contains("  unchanged  1", edited, StringComparison.Ordinal);
        using var store = new EmbeddedGraphStore(run.StorePath);
        Assert.Equal(2, (await store.GetStatisticsAsync(CliRun.Ct)).Reports);
        Assert.Equal(1, (await store.FindPositionsAsync(new PositionQuery(ActorId: "bra"), CliRun.Ct)).TotalCount);
    }

    [Fact]
    public async Task A_missing_path_is_reported()
    {
        using var run = new CliRun();

        var (code, _, errors) = await IngestAsync(run, Path.Combine(run.Root, "nowhere"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", errors, StringComparison.Ordinal);
        Assert.Contains("no files to ingest", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_beside_good_ones_fails_the_batch_and_is_counted()
    {
        using var run = new CliRun();
        var report = run.Write("reports/one.txt", Report);
        var missing = Path.Combine(run.Root, "nowhere");

        var (code, output, errors) = await IngestAsync(run, missing, report);

        Assert.Equal(2, code);
        Assert.Contains("does not exist", errors, StringComparison.Ordinal);
        Assert.Contains("  ingested   1", output, StringComparison.Ordinal);
        Assert.Contains("  failed     1", output, StringComparison.Ordinal);
        Assert.Contains($"{missing}: NOT_FOUND", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Different_files_that_would_share_a_source_are_refused_before_anything_is_stored()
    {
        using var run = new CliRun();
        var a = run.Write("dup/a/report.txt", Report);
        var b = run.Write("dup/b/report.txt", OtherReport);

        var folders = await Assert.ThrowsAsync<CliFailure>(() => IngestAsync(run, Path.GetDirectoryName(a)!, Path.GetDirectoryName(b)!));
        var files = await Assert.ThrowsAsync<CliFailure>(() => IngestAsync(run, a, b));
        var (parentCode, _, _) = await IngestAsync(run, Path.Combine(run.Root, "dup"));

        Assert.Equal(2, folders.ExitCode);
        Assert.Contains(a, folders.Message, StringComparison.Ordinal);
        Assert.Contains(b, folders.Message, StringComparison.Ordinal);
        Assert.Contains("'report.txt'", files.Message, StringComparison.Ordinal);
        Assert.Contains("common", folders.Message, StringComparison.Ordinal);
        Assert.Equal(0, parentCode);
        using var store = new EmbeddedGraphStore(run.StorePath);
        var sources = new List<string?>();
        await foreach (var stored in store.ReadReportsAsync(CliRun.Ct))
        {
            sources.Add(stored.Source);
        }
        Assert.Equal(["a/report.txt", "b/report.txt"], sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_same_file_named_twice_is_ingested_once_without_a_clash()
    {
        using var run = new CliRun();
        var report = run.Write("reports/one.txt", Report);

        var (code, output, _) = await IngestAsync(run, Path.GetDirectoryName(report)!, report);

        Assert.Equal(0, code);
        Assert.Contains("  ingested   1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_to_a_folder_is_not_followed_and_is_named()
    {
        using var run = new CliRun();
        run.Write("odd/one.txt", Report);
        var loop = Path.Combine(run.Root, "odd", "loop");
        Directory.CreateSymbolicLink(loop, Path.Combine(run.Root, "odd"));

        var (code, output, errors) = await IngestAsync(run, Path.Combine(run.Root, "odd"));

        Assert.Equal(0, code);
        Assert.Contains("  ingested   1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("loop/", output, StringComparison.Ordinal);
        Assert.Contains($"{loop}: a symbolic link to a folder, not followed", errors, StringComparison.Ordinal);
    }
}
