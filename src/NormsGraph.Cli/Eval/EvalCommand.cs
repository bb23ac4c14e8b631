using System.CommandLine;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Cli.Eval;

/// <summary>
/// <c>eval positions --gold G --reports DIR [--kinds K] [--fit-calibration FILE] [-v]</c>: runs extraction on the
/// reports, prints the figures of shared/eval/score.py (overall and per kind of source), the misses and extras
/// grouped by failure class, and the precision of each extraction mechanism; with --fit-calibration it writes
/// those precisions as the confidence calibration.
/// </summary>
internal static class EvalCommand
{
    private const int ExamplesPerClass = 4;

    public static Command Create(Option<string?> taxonomyOption)
    {
        var gold = new Option<string>("--gold") { Description = "Gold positions (JSON lines, the shared/eval format).", Required = true };
        var reports = new Option<string>("--reports") { Description = "Folder of the reports the gold lines refer to (by file name).", Required = true };
        var kinds = new Option<string?>("--kinds") { Description = "Tab-separated 'report<TAB>kind of source' lines, for figures per kind." };
        var fit = new Option<string?>("--fit-calibration") { Description = "Write the precision of each mechanism to this calibration file." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every miss and extra, not a few per class." };
        var semantic = Extract.ExtractCommand.SemanticOption();
        var positions = new Command("positions", "Score extracted positions against gold lines.") { gold, reports, kinds, fit, verbose, semantic };
        positions.SetAction(parse => Run(parse.GetValue(gold)!, parse.GetValue(reports)!, parse.GetValue(kinds), parse.GetValue(fit),
            parse.GetValue(verbose), CliTaxonomy.Load(parse.GetValue(taxonomyOption)), Console.Out, parse.GetValue(semantic)));
        return new Command("eval", "Measure extraction against gold annotations.") { positions };
    }

    internal static int Run(string goldPath, string reportsFolder, string? kindsPath, string? fitPath, bool verbose, Taxonomy taxonomy, TextWriter output,
        double? semanticThreshold = null)
    {
        var gold = GoldPosition.ReadTaxonomyLines(goldPath).GroupBy(g => g.Report).ToDictionary(g => g.Key, g => (IReadOnlyList<GoldPosition>)g.ToList());
        var kinds = kindsPath is null ? [] : File.ReadLines(kindsPath).Select(l => l.Split('\t')).Where(c => c.Length >= 2)
            .ToDictionary(c => Path.GetFileNameWithoutExtension(c[0]), c => c[1]);
        var extractor = Extract.Extractors.Create(taxonomy, semanticThreshold);
        if (!Directory.Exists(reportsFolder))
        {
            throw new CliFailure($"eval: the --reports folder '{reportsFolder}' does not exist.");
        }
        // What the walk skips goes to standard error, away from the scores.
        var files = ReportFiles.Expand([reportsFolder], Console.Error);
        // Gold lines name a report without its extension or folder: two files of one name would be one report.
        if (files.GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twins)
        {
            throw new CliFailure($"eval: gold lines name reports without extension or folder, and '{twins.Key}' is {string.Join(" and ", twins)}; keep one.");
        }
        var graphs = files.ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => (ReportGraph?)extractor.Extract(
            ReportReader.Read(ReportFiles.ReadReportText(f), f), Path.GetFileName(f)));
        var overall = new PositionScore();
        var byKind = new SortedDictionary<string, PositionScore>(StringComparer.Ordinal);
        foreach (var (report, lines) in gold.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var graph = graphs.GetValueOrDefault(report);
            overall.Add(report, lines, graph);
            if (kinds.TryGetValue(report, out var kind))
            {
                (byKind.TryGetValue(kind, out var score) ? score : byKind[kind] = new PositionScore()).Add(report, lines, graph);
            }
        }

        output.WriteLine($"extractor {extractor.Version}, {graphs.Count} reports, {gold.Sum(g => g.Value.Count)} gold taxonomy lines");
        output.WriteLine($"all: {overall.Headline()}");
        foreach (var (kind, score) in byKind)
        {
            output.WriteLine($"  {kind}: {score.Headline()}");
        }
        foreach (var group in overall.Errors.GroupBy(e => e.Class).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"\n{group.Key} ({group.Count()})");
            foreach (var (_, line) in verbose ? group : group.Take(ExamplesPerClass))
            {
                output.WriteLine($"  {Shorten(line)}");
            }
        }
        var calibration = ExtractionCalibration.Fit(overall.Judged, $"{Path.GetFileName(goldPath)} on {graphs.Count} reports, extractor {ReportExtractor.LogicVersion}");
        output.WriteLine($"\nprecision per mechanism (attribution/stance cue/stance/signal; used when seen at least {ExtractionCalibration.MinimumSupport} times)");
        foreach (var (mechanism, counts) in calibration.Entries.Where(e => e.Key.Count(c => c == '/') == 3).OrderByDescending(e => e.Value.Total))
        {
            output.WriteLine(FormattableString.Invariant($"  {mechanism,-45} {counts.Correct,3}/{counts.Total,-3} -> {counts.Smoothed:0.00}"));
        }
        if (fitPath is not null)
        {
            File.WriteAllText(fitPath, calibration.ToJson() + "\n");
            output.WriteLine($"\ncalibration written to {fitPath}");
        }
        return 0;
    }

    private static string Shorten(string line) => line.Length <= 240 ? line : line[..237] + "...";
}
