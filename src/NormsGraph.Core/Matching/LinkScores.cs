namespace NormsGraph.Core.Matching;

/// <summary>Top-1 accuracy, recall@3 and mean reciprocal rank of ranked targets against gold sets, as the eval scorer counts them.</summary>
public sealed record LinkScores(double Top1, double RecallAt3, double Mrr, int Count)
{
    public static LinkScores Of(IReadOnlyList<(IReadOnlyList<string> Ranked, IReadOnlySet<string> Gold)> items)
    {
        double top1 = 0, recall = 0, rr = 0;
        foreach (var (ranked, gold) in items)
        {
            top1 += ranked.Count > 0 && gold.Contains(ranked[0]) ? 1 : 0;
            recall += gold.Count == 0 ? 0 : (double)ranked.Take(3).Count(gold.Contains) / gold.Count;
            var rank = ranked.Select((id, i) => (id, i)).FirstOrDefault(p => gold.Contains(p.id), (id: "", i: -1)).i;
            rr += rank < 0 ? 0 : 1.0 / (rank + 1);
        }
        var n = Math.Max(1, items.Count);
        return new LinkScores(top1 / n, recall / n, rr / n, items.Count);
    }

    public override string ToString() => $"top1={Top1:F3} recall@3={RecallAt3:F3} mrr={Mrr:F3} n={Count}";
}
