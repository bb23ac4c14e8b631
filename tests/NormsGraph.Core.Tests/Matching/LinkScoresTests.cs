using NormsGraph.Core.Matching;

namespace NormsGraph.Core.Tests.Matching;

public sealed class LinkScoresTests
{
    [Fact]
    public void Top_one_recall_at_three_and_reciprocal_rank_count_as_the_eval_scorer_does()
    {
        var scores = LinkScores.Of([
            (["a", "b", "c"], new HashSet<string> { "a" }),          // top-1 right
            (["x", "b", "y", "a"], new HashSet<string> { "a", "b" }), // b at rank 2, a outside the top 3
            (["x", "y"], new HashSet<string> { "z" }),              // missed
        ]);

        Assert.Equal(1 / 3.0, scores.Top1, 6);
        Assert.Equal((1 + 0.5 + 0) / 3, scores.RecallAt3, 6);
        Assert.Equal((1 + 0.5 + 0) / 3, scores.Mrr, 6);
    }
}
