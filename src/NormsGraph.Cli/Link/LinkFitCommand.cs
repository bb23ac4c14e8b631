using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;

namespace NormsGraph.Cli.Link;

/// <summary>
/// <c>link fit --gold gold_links.jsonl [--out weights.json] [--folds 10]</c>: computes every candidate's
/// features for the gold statements, with an empty graph and with the stored evidence (a stored copy of a
/// statement never counts for it), fits the fusion's logistic model on both, and prints each signal alone and
/// together, in-sample and held out (k-fold by statement), with the calibration of held-out scores.
/// </summary>
internal static class LinkFitCommand
{
    private const double Ridge = 1.0;

    public static Command Create(Option<string?> taxonomyOption, Option<string?> storeOption)
    {
        var gold = new Option<string>("--gold") { Description = "Gold links: JSON lines {\"id\", \"text\", \"norms\": [...]}.", Required = true };
        var output = new Option<string?>("--out") { Description = "Write the fitted fusion weights here." };
        var folds = new Option<int>("--folds") { Description = "Folds for held-out figures (the number of statements = leave-one-out).", DefaultValueFactory = _ => 10 };
        var command = new Command("fit", "Fit the fusion weights on gold links and report each signal alone and together.") { gold, output, folds };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(storeOption), parse.GetValue(taxonomyOption), Console.Error,
            (services, token) => RunAsync(services, parse.GetValue(gold)!, parse.GetValue(output), parse.GetValue(folds), Console.Out, Console.Error, token),
            ct, LinkOptionSet.Configure(semantic: true)));
        return command;
    }

    internal static async Task<int> RunAsync(IServiceProvider services, string goldPath, string? outputPath, int folds,
        TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var gold = ReadGold(goldPath);
        var statistics = await services.GetRequiredService<IGraphStore>().GetStatisticsAsync(cancellationToken);
        var regimes = new List<(string Name, HybridTargetMatcher Matcher)>
        {
            ("empty graph", await LinkCommand.PrepareAsync(services, new LinkSettings(true, EmptyGraph: true, ExcludeSameText: true), errors, cancellationToken)),
        };
        if (statistics.Statements > 0)
        {
            regimes.Add(($"graph ({statistics.Reports} reports, {statistics.Statements} statements)",
                await LinkCommand.PrepareAsync(services, new LinkSettings(true, EmptyGraph: false, ExcludeSameText: true), errors, cancellationToken)));
        }
        var rows = new List<FitRow>();
        foreach (var (name, matcher) in regimes)
        {
            foreach (var g in gold)
            {
                rows.Add(new FitRow(g, name, await matcher.CandidatesAsync(g.Text, cancellationToken)));
            }
        }
        folds = Math.Clamp(folds, 2, gold.Count);

        var report = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        report.AppendLine(c, $"Gold: {gold.Count} statements ({gold.Count(g => g.Paraphrase)} paraphrases); held out: {folds}-fold by statement; ridge {Ridge}.");
        report.AppendLine();
        report.AppendLine("| signals | graph | in-sample top-1 / R@3 / MRR | held-out top-1 / R@3 / MRR | held-out paraphrases top-1 |");
        report.AppendLine("|---|---|---|---|---|");
        var sets = FeatureSets();
        foreach (var (label, features) in sets)
        {
            var inSample = FusionFitter.Fit(Flatten(rows), features, Ridge);
            var heldOut = CrossValidate(rows, gold, features, folds);
            foreach (var (regime, _) in regimes)
            {
                var regimeRows = rows.Where(r => r.Regime == regime).ToList();
                var a = Score(regimeRows, r => inSample);
                var b = Score(regimeRows, r => heldOut[r.Gold.Id]);
                var p = Score(regimeRows.Where(r => r.Gold.Paraphrase).ToList(), r => heldOut[r.Gold.Id]);
                report.AppendLine(c, $"| {label} | {regime} | {a.Top1:F3} / {a.RecallAt3:F3} / {a.Mrr:F3} | {b.Top1:F3} / {b.RecallAt3:F3} / {b.Mrr:F3} | {p.Top1:F3} (n={p.Count}) |");
            }
        }
        foreach (var (regime, _) in regimes)
        {
            var rrf = Rrf(rows.Where(r => r.Regime == regime).ToList());
            report.AppendLine(c, $"| reciprocal rank fusion (no fitting, k=60) | {regime} | {rrf.Top1:F3} / {rrf.RecallAt3:F3} / {rrf.Mrr:F3} | same | |");
        }

        var all = sets[^1].Features;
        var outOfFold = CrossValidate(rows, gold, all, folds);
        report.AppendLine();
        report.AppendLine("Calibration of held-out scores (all signals, top 5 of every statement, both graphs):");
        report.AppendLine();
        report.AppendLine("| score | matches | mean score | right |");
        report.AppendLine("|---|---|---|---|");
        var scored = rows.SelectMany(r => Ranked(r, outOfFold[r.Gold.Id]).Take(5).Select(m => (m.Score, Right: r.Gold.Norms.Contains(m.TargetId)))).ToList();
        foreach (var (low, high) in new[] { (0.0, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01) })
        {
            var bin = scored.Where(s => s.Score >= low && s.Score < high).ToList();
            report.AppendLine(c, $"| {low:0.0}–{Math.Min(high, 1):0.0} | {bin.Count} | {(bin.Count == 0 ? 0 : bin.Average(b => b.Score)):0.000} | {(bin.Count == 0 ? 0 : bin.Count(b => b.Right) / (double)bin.Count):0.000} |");
        }

        var full = FusionFitter.Fit(Flatten(rows), all, Ridge);
        var lexical = FusionFitter.Fit(Flatten(rows), [.. MatchFeatures.Names.Where(n => !MatchFeatures.NeedEncoder.Contains(n))], Ridge);
        var previous = services.GetRequiredService<FusionWeights>();
        var weights = new FusionWeights(previous.Version + 1,
            string.Create(c, $"{DateTime.UtcNow:yyyy-MM-dd} by `normsgraph link fit` on {gold.Count} gold statements, {string.Join(" and ", regimes.Select(r => r.Name))}, ridge {Ridge}"),
            services.GetRequiredService<ISentenceEncoder>().ModelName, full, lexical);
        report.AppendLine();
        report.AppendLine(c, $"Fitted weights (version {weights.Version}, all signals): bias {full.Bias}, {string.Join(", ", full.Weights.Select(w => $"{w.Key} {w.Value}"))}");
        await output.WriteAsync(report.ToString());
        if (outputPath is not null)
        {
            await File.WriteAllTextAsync(outputPath, weights.ToJson() + "\n", cancellationToken);
            await errors.WriteLineAsync($"link fit: weights written to {outputPath}");
        }
        return 0;
    }

    internal static List<(string Label, IReadOnlyList<string> Features)> FeatureSets()
    {
        var g = MatchFeatures.Groups;
        IReadOnlyList<string> Of(params string[] names) => names;
        return
        [
            ("phrases", g["phrases"]),
            ("BM25 (target texts)", Of(MatchFeatures.LexicalRelative, MatchFeatures.LexicalReciprocalRank)),
            ("BM25 (target texts + stored evidence)", g["bm25"]),
            ("semantic (target texts)", Of(MatchFeatures.SemanticDescription, MatchFeatures.SemanticWording, MatchFeatures.SemanticGap, MatchFeatures.SemanticReciprocalRank)),
            ("semantic (target texts + nearest stored statements)", g["semantic"]),
            ("phrases + BM25 (semantic off)", [.. g["phrases"], .. g["bm25"]]),
            ("all signals", [.. g["phrases"], .. g["bm25"], .. g["semantic"]]),
        ];
    }

    // Folds split statements, never one statement's regimes, so a held-out statement is unseen in every graph.
    private static Dictionary<string, FusionModel> CrossValidate(List<FitRow> rows, List<GoldLink> gold, IReadOnlyList<string> features, int folds)
    {
        var models = new Dictionary<string, FusionModel>(StringComparer.Ordinal);
        for (var fold = 0; fold < folds; fold++)
        {
            var held = gold.Where((_, i) => i % folds == fold).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
            var model = FusionFitter.Fit(Flatten(rows.Where(r => !held.Contains(r.Gold.Id))), features, Ridge);
            foreach (var id in held)
            {
                models[id] = model;
            }
        }
        return models;
    }

    private static List<(double[] Features, bool Gold)> Flatten(IEnumerable<FitRow> rows) =>
        rows.SelectMany(r => r.Candidates.Select(c => (c.Features, r.Gold.Norms.Contains(c.TargetId)))).ToList();

    private static IEnumerable<(string TargetId, double Score)> Ranked(FitRow row, FusionModel model) =>
        row.Candidates.Select(c => (c.TargetId, Score: model.Probability(c.Features)))
            .OrderByDescending(m => m.Score).ThenBy(m => m.TargetId, StringComparer.Ordinal);

    private static LinkScores Score(List<FitRow> rows, Func<FitRow, FusionModel> model) =>
        LinkScores.Of(rows.Select(r => ((IReadOnlyList<string>)Ranked(r, model(r)).Select(m => m.TargetId).ToList(), r.Gold.Norms)).ToList());

    // The unfitted alternative: each signal ranks the candidates on its own, and ranks are fused by 1 / (60 + rank).
    private static LinkScores Rrf(List<FitRow> rows)
    {
        int P(string n) => MatchFeatures.IndexOf(n);
        var signals = new Func<double[], double>[]
        {
            f => f[P(MatchFeatures.PhraseCount)] + 0.5 * f[P(MatchFeatures.Cooccurrence)],
            f => f[P(MatchFeatures.LexicalRelative)],
            f => f[P(MatchFeatures.SemanticReciprocalRank)],
            f => f[P(MatchFeatures.NeighbourVote)],
            f => f[P(MatchFeatures.EvidenceLexicalVote)],
        };
        return LinkScores.Of(rows.Select(r =>
        {
            var fused = r.Candidates.ToDictionary(c => c.TargetId, _ => 0.0, StringComparer.Ordinal);
            foreach (var signal in signals)
            {
                var rank = 0;
                foreach (var candidate in r.Candidates.Where(c => signal(c.Features) > 0).OrderByDescending(c => signal(c.Features)))
                {
                    fused[candidate.TargetId] += 1.0 / (60 + ++rank);
                }
            }
            return ((IReadOnlyList<string>)fused.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList(), r.Gold.Norms);
        }).ToList());
    }

    // A line that is not a gold link, or too few to hold any out, is one line naming the file (a stack trace before).
    private static List<GoldLink> ReadGold(string path)
    {
        var gold = new List<GoldLink>();
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)).Where(l => !string.IsNullOrWhiteSpace(l.l)))
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not JSON: {e.Message}");
            }
            using (json)
            {
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id)
                    || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("norms", out var norms) || norms.ValueKind != JsonValueKind.Array
                    || norms.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String))
                {
                    throw new InvalidDataException($"{path}:{number}: expected {{\"id\", \"text\", \"norms\": [norm ids]}}.");
                }
                gold.Add(new GoldLink(id.ToString(), text.GetString()!, norms.EnumerateArray().Select(n => n.GetString()!).ToHashSet(StringComparer.Ordinal),
                    root.TryGetProperty("paraphrase", out var p) && p.ValueKind == JsonValueKind.True));
            }
        }
        if (gold.Count < 2)
        {
            throw new InvalidDataException($"{path}: link fit needs at least 2 gold statements, to hold some out; it has {gold.Count}.");
        }
        return gold;
    }
}
