using System.Text.Json.Nodes;
using NormsGraph.Cli.Extract;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Cli.Tests.Extract;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("normsgraph-cli").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Report = """
        Open consultations on norms

        3 Mar 2021 10:00h - 12:00h

        Event report

        Access Now stressed that states should protect computer emergency response teams from attack.
        """;

    private static (int Code, string Output, string Errors) Run(string format, params string[] paths)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = ExtractCommand.Run(paths, format, TaxonomyLoader.LoadEmbedded(), output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Jsonl_prints_one_object_per_report_in_the_contract_shape()
    {
        File.WriteAllText(Path.Combine(_folder, "one.txt"), Report);
        File.WriteAllText(Path.Combine(_folder, "two.md"), "# Second\n\nJapan reiterated that international law applies in cyberspace.");

        var (code, output, _) = Run("jsonl", _folder);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, lines.Count);
        var first = lines[0];
        Assert.EndsWith("one.txt", first["source"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2021-03-03", first["report"]!["date"]!.GetValue<string>());
        Assert.StartsWith("r-", first["report"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        var actor = first["actors"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == "access-now")!;
        Assert.Equal("civil_society", actor["type"]!.GetValue<string>());
        Assert.NotNull(actor["aliases"]);
        var position = first["positions"]!.AsArray().Single(p => p!["target"]!.GetValue<string>() == "gge-13k")!;
        Assert.Equal("access-now", position["actor"]!.GetValue<string>());
        Assert.Equal("Access Now", position["actorName"]!.GetValue<string>());
        Assert.Equal("support", position["stance"]!.GetValue<string>());
        Assert.Equal("norm", position["targetKind"]!.GetValue<string>());
        Assert.NotNull(position["targetName"]);
        Assert.StartsWith("Access Now stressed", position["evidence"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_format_is_for_people()
    {
        File.WriteAllText(Path.Combine(_folder, "one.txt"), Report);
        var (code, output, _) = Run("text", _folder);
        Assert.Equal(0, code);
        Assert.Contains("Access Now SUPPORT gge-13k", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_reported_and_the_rest_still_print()
    {
        File.WriteAllText(Path.Combine(_folder, "good.txt"), Report);
        File.WriteAllBytes(Path.Combine(_folder, "bad.txt"), [0x41, 0x00, 0x42, 0xFF]);

        var (code, output, errors) = Run("jsonl", _folder);

        Assert.Equal(2, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.txt", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_fails_the_run_even_when_other_files_extract()
    {
        var report = Path.Combine(_folder, "one.txt");
        File.WriteAllText(report, Report);

        var (code, output, errors) = Run("jsonl", Path.Combine(_folder, "nowhere"), report);

        Assert.Equal(2, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("does not exist", errors, StringComparison.Ordinal);
        Assert.Contains("extract: 1 extracted, 1 failed or missing.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_is_skipped_without_being_opened()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "FIFOs are a POSIX thing.");
        File.WriteAllText(Path.Combine(_folder, "one.txt"), Report);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Path.Combine(_folder, "fifo.txt")]))
        {
            await mkfifo.WaitForExitAsync(CliRun.Ct);
        }

        // Opening a FIFO waits for a writer forever: the run must finish without one.
        var (code, output, errors) = await Task.Run(() => Run("jsonl", _folder), CliRun.Ct).WaitAsync(TimeSpan.FromSeconds(30), CliRun.Ct);

        Assert.Equal(2, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fifo.txt: EMPTY_REPORT: empty, or not a regular file", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_back_up_the_tree_is_not_followed()
    {
        File.WriteAllText(Path.Combine(_folder, "one.txt"), Report);
        Directory.CreateSymbolicLink(Path.Combine(_folder, "loop"), _folder);

        var (code, output, errors) = Run("jsonl", _folder);

        Assert.Equal(0, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("loop: a symbolic link to a folder, not followed", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_is_read()
    {
        var target = Directory.CreateTempSubdirectory("normsgraph-cli-target").FullName;
        try
        {
            File.WriteAllText(Path.Combine(target, "one.txt"), Report);
            File.CreateSymbolicLink(Path.Combine(_folder, "linked.txt"), Path.Combine(target, "one.txt"));

            var (code, output, _) = Run("jsonl", _folder);

            Assert.Equal(0, code);
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }
}
