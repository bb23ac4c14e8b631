using System.CommandLine;
using System.Globalization;
using NormsGraph.Cli.Extract;
using NormsGraph.Core.Extraction;

namespace NormsGraph.Cli.Bench;

/// <summary><c>bench extract [--reports N] [--seeds folder…] [--repeats N] [--semantic [threshold]] [--output file]</c>.</summary>
internal static class BenchCommand
{
    public static Command Create(Option<string?> taxonomyOption)
    {
        var reports = new Option<int>("--reports") { Description = "Corpus size.", DefaultValueFactory = _ => 1000 };
        reports.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--reports must be at least 1.");
            }
        });
        var seeds = new Option<string[]>("--seeds") { Description = "Report files or folders the corpus is built from.", DefaultValueFactory = _ => ["samples/reports"] };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per mode (the median is shown, with the range).", DefaultValueFactory = _ => 5 };
        repeats.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--repeats must be at least 1.");
            }
        });
        var semantic = ExtractCommand.SemanticOption();
        var output = new Option<string?>("--output") { Description = "Also append the results as a Markdown table to this file." };
        var extract = new Command("extract", "Extraction throughput (reports/s, MB/s) on one thread and on all cores.") { reports, seeds, repeats, semantic, output };
        extract.SetAction(parse =>
        {
            var files = ReportFiles.Expand(parse.GetValue(seeds)!, Console.Error);
            var corpus = BenchCorpus.Build(files, parse.GetValue(reports));
            var taxonomy = CliTaxonomy.Load(parse.GetValue(taxonomyOption));
            var load = LoadAverage();
            string table;
            if (parse.GetValue(semantic) is { } threshold)
            {
                var bench = SemanticBench.Create(taxonomy, threshold);
                long skippedBefore = 0, skipped = 0, encoded = 0;
                var results = ExtractBenchmark.Run(bench.Extractor, corpus, parse.GetValue(repeats),
                    beforeFirstSingle: () =>
                    {
                        skippedBefore = bench.Matcher.SkippedEncodings;
                        bench.Encoder.Reset();
                    },
                    afterFirstSingle: () => (skipped, encoded) = (bench.Matcher.SkippedEncodings - skippedBefore, bench.Encoder.Texts));
                table = Format(results, files.Count, bench.Extractor.Version, load) + Environment.NewLine + Environment.NewLine
                    + FormattableString.Invariant($"semantic signal at {threshold:0.00}: per report {(skipped + encoded) / (double)corpus.Count:0.00} sentences asked, ")
                    + FormattableString.Invariant($"{encoded / (double)corpus.Count:0.00} encoded by the model ({skipped / (double)corpus.Count:0.00} ruled out by the score bound); ")
                    + $"model loaded in {bench.Model.LoadTime?.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} s" + Memory();
            }
            else
            {
                var extractor = new ReportExtractor(taxonomy);
                table = Format(ExtractBenchmark.Run(extractor, corpus, parse.GetValue(repeats)), files.Count, extractor.Version, load) + Environment.NewLine
                    + Environment.NewLine + "semantic signal off" + Memory();
            }
            Console.WriteLine(table);
            if (parse.GetValue(output) is { } path)
            {
                File.AppendAllText(path, table + Environment.NewLine);
            }
            return 0;
        });
        return new Command("bench", "Benchmarks.") { extract };
    }

    private static string Format(IReadOnlyList<ExtractBenchmark.Result> results, int seedCount, string version, string loadBefore)
    {
        var c = CultureInfo.InvariantCulture;
        var first = results[0];
        var lines = new List<string>
        {
            $"extract benchmark: {first.Reports} reports built from {seedCount} seed files, {first.Bytes / 1_000_000.0:0.00} MB, extractor {version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
            $"load average (1, 5, 15 min) before: {loadBefore}, after: {LoadAverage()}; {first.Runs.Count} timed runs per mode, alternated; median (fastest–slowest)",
            "",
            "| mode | threads | reports/s | MB/s | MB/s per core | MB per CPU-second |",
            "|---|---|---|---|---|---|",
        };
        foreach (var r in results)
        {
            var (median, fastest, slowest) = r.Spread;
            lines.Add(string.Format(c, "| {0} | {1} | {2:0} ({3:0}–{4:0}) | {5:0.00} ({6:0.00}–{7:0.00}) | {8:0.00} | {9:0.00} |",
                r.Mode, r.Threads, r.ReportsPerSecond(median), r.ReportsPerSecond(slowest), r.ReportsPerSecond(fastest),
                r.MegabytesPerSecond(median), r.MegabytesPerSecond(slowest), r.MegabytesPerSecond(fastest), r.MegabytesPerSecond(median) / r.Threads,
                r.MegabytesPerCpuSecond));
        }
        return string.Join(Environment.NewLine, lines);
    }

    // The machine is shared: the load says how far a figure is from a quiet machine's.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    // Peak and current resident memory of this process (Linux), with the model loaded when the signal is on.
    private static string Memory()
    {
        if (!File.Exists("/proc/self/status"))
        {
            return "";
        }
        var status = File.ReadAllLines("/proc/self/status");
        string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?[name.Length..].Trim() ?? "?";
        return $"; resident memory {Field("VmRSS:")} (peak {Field("VmHWM:")})";
    }
}
