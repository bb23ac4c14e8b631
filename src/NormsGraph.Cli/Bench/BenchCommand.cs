using System.CommandLine;
using System.Globalization;
using NormsGraph.Core.Extraction;

namespace NormsGraph.Cli.Bench;

/// <summary><c>bench extract [--reports N] [--seeds folder…] [--output file]</c>.</summary>
internal static class BenchCommand
{
    public static Command Create(Option<string?> taxonomyOption)
    {
        var reports = new Option<int>("--reports") { Description = "Corpus size.", DefaultValueFactory = _ => 1000 };
        var seeds = new Option<string[]>("--seeds") { Description = "Report files or folders the corpus is built from.", DefaultValueFactory = _ => ["samples/reports"] };
        var output = new Option<string?>("--output") { Description = "Also append the results as a Markdown table to this file." };
        var extract = new Command("extract", "Extraction throughput (reports/s, MB/s) on one thread and on all cores.") { reports, seeds, output };
        extract.SetAction(parse =>
        {
            var files = ReportFiles.Expand(parse.GetValue(seeds)!, Console.Error);
            var corpus = BenchCorpus.Build(files, parse.GetValue(reports));
            var extractor = new ReportExtractor(CliTaxonomy.Load(parse.GetValue(taxonomyOption)));
            var results = ExtractBenchmark.Run(extractor, corpus);
            var table = Format(results, files.Count, extractor.Version);
            Console.WriteLine(table);
            if (parse.GetValue(output) is { } path)
            {
                File.AppendAllText(path, table + Environment.NewLine);
            }
            return 0;
        });
        return new Command("bench", "Benchmarks.") { extract };
    }

    private static string Format(IReadOnlyList<ExtractBenchmark.Result> results, int seedCount, string version)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            $"extract benchmark: {results[0].Reports} reports built from {seedCount} seed files, {results[0].Bytes / 1_000_000.0:0.00} MB, extractor {version}, {DateTime.UtcNow:yyyy-MM-dd}",
            "",
            "| mode | threads | reports/s | MB/s | MB/s per core |",
            "|---|---|---|---|---|",
        };
        lines.AddRange(results.Select(r => string.Format(c, "| {0} | {1} | {2:0} | {3:0.00} | {4:0.00} |",
            r.Mode, r.Threads, r.ReportsPerSecond, r.MegabytesPerSecond, r.MegabytesPerSecondPerCore)));
        return string.Join(Environment.NewLine, lines);
    }
}
