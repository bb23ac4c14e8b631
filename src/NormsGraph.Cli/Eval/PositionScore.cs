using System.Text.RegularExpressions;
using NormsGraph.Core.Domain;

namespace NormsGraph.Cli.Eval;

/// <summary>
/// Scores extracted positions against gold lines the way shared/eval/score.py does (so the figures agree), and
/// sorts every miss and extra into a failure class an engineer can act on.
/// </summary>
internal sealed partial class PositionScore
{
    private readonly List<double> _reportF1 = [];

    public int TruePositives { get; private set; }
    public int FalsePositives { get; private set; }
    public int FalseNegatives { get; private set; }
    public int StrictTruePositives { get; private set; }
    public int StanceRight { get; private set; }
    public int StanceJudged { get; private set; }
    public List<(string Class, string Line)> Errors { get; } = [];

    /// <summary>Every taxonomy position with whether it was right (actor, target and stance; optional lines count).</summary>
    public List<(string Mechanism, bool Correct)> Judged { get; } = [];

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    public double F1 => Harmonic(Precision, Recall);
    public double MacroF1 => _reportF1.Count == 0 ? 0 : _reportF1.Average();
    public double StrictF1 => Harmonic(Ratio(StrictTruePositives, TruePositives + FalsePositives), Ratio(StrictTruePositives, TruePositives + FalseNegatives));

    public void Add(string report, IReadOnlyList<GoldPosition> gold, ReportGraph? graph)
    {
        var (tp, fp, fn) = (TruePositives, FalsePositives, FalseNegatives);
        var actors = graph?.Actors.ToDictionary(a => a.Id, a => a.Aliases.Append(a.Name).Select(GoldPosition.NormaliseName).ToHashSet(), StringComparer.Ordinal)
            ?? [];
        var predictions = (graph?.Positions ?? []).Where(p => TaxonomyId().IsMatch(p.TargetId)).ToList();
        var used = new HashSet<int>();
        var found = actors.Values.SelectMany(n => n).ToHashSet();
        foreach (var line in gold.OrderBy(g => g.Optional))
        {
            var hit = -1;
            for (var i = 0; i < predictions.Count && hit < 0; i++)
            {
                if (!used.Contains(i) && predictions[i].TargetId == line.Target && actors[predictions[i].ActorId].Overlaps(line.Names))
                {
                    hit = i;
                }
            }
            if (hit >= 0)
            {
                used.Add(hit);
                var stanceRight = EnumNames.ToSnakeCase(predictions[hit].Stance) == line.Stance;
                StanceJudged++;
                StanceRight += stanceRight ? 1 : 0;
                Judged.Add((predictions[hit].Mechanism ?? "", stanceRight));
                if (!line.Optional)
                {
                    TruePositives++;
                    StrictTruePositives += stanceRight ? 1 : 0;
                    if (!stanceRight)
                    {
                        Errors.Add(("stance", $"{report}: {line.Actor} {line.Target} gold {line.Stance}, got {EnumNames.ToSnakeCase(predictions[hit].Stance)} [{predictions[hit].Mechanism}]: {predictions[hit].Evidence}"));
                    }
                }
            }
            else if (!line.Optional)
            {
                FalseNegatives++;
                var why = !line.Names.Overlaps(found) ? "miss: actor not found" : "miss: actor found, target or attribution not";
                Errors.Add((why, $"{report}: {line.Actor} {line.Stance} {line.Target}: {line.Evidence}"));
            }
        }
        for (var i = 0; i < predictions.Count; i++)
        {
            var p = predictions[i];
            if (used.Contains(i) || gold.Any(g => g.Target == p.TargetId && actors[p.ActorId].Overlaps(g.Names)))
            {
                continue; // matched, or a duplicate of a matched line
            }
            FalsePositives++;
            Judged.Add((p.Mechanism ?? "", false));
            var why = gold.Any(g => actors[p.ActorId].Overlaps(g.Names)) ? "extra: wrong target for a real speaker" : "extra: actor holds no gold position";
            Errors.Add((why, $"{report}: {graph!.Actors.First(a => a.Id == p.ActorId).Name} {EnumNames.ToSnakeCase(p.Stance)} {p.TargetId} [{p.Mechanism}]: {p.Evidence}"));
        }
        var (dtp, dfp, dfn) = (TruePositives - tp, FalsePositives - fp, FalseNegatives - fn);
        if (dtp + dfn > 0)
        {
            _reportF1.Add(2.0 * dtp / (2.0 * dtp + dfp + dfn));
        }
    }

    public string Headline() =>
        FormattableString.Invariant($"tp={TruePositives} fp={FalsePositives} fn={FalseNegatives} P={Precision:0.000} R={Recall:0.000} F1={F1:0.000} macroF1={MacroF1:0.000} stance={Ratio(StanceRight, StanceJudged):0.000} strictF1={StrictF1:0.000}");

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double Harmonic(double a, double b) => a + b == 0 ? 0 : 2 * a * b / (a + b);

    [GeneratedRegex(@"^(gge-13[a-k]|gcsc-[1-8]|p-[a-z-]+)$")]
    private static partial Regex TaxonomyId();
}
