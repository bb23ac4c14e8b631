using NormsGraph.Core.Matching;

namespace NormsGraph.Core.Tests.Matching;

public sealed class FusionFitterTests
{
    // Rows where phrase_any decides the label most of the time and bm25_relative is noise.
    private static List<(double[] Features, bool Gold)> Rows()
    {
        var random = new Random(7);
        var rows = new List<(double[], bool)>();
        for (var i = 0; i < 400; i++)
        {
            var f = new double[MatchFeatures.Names.Count];
            var gold = i % 4 == 0;
            f[MatchFeatures.IndexOf(MatchFeatures.PhraseAny)] = gold ^ (i % 20 == 0) ? 1 : 0;
            f[MatchFeatures.IndexOf(MatchFeatures.LexicalRelative)] = random.NextDouble();
            rows.Add((f, gold));
        }
        return rows;
    }

    [Fact]
    public void An_informative_feature_gets_a_large_positive_weight_and_noise_a_small_one()
    {
        var model = FusionFitter.Fit(Rows(), [MatchFeatures.PhraseAny, MatchFeatures.LexicalRelative]);

        Assert.True(model.Weights[MatchFeatures.PhraseAny] > 3, $"phrase weight {model.Weights[MatchFeatures.PhraseAny]}");
        Assert.True(Math.Abs(model.Weights[MatchFeatures.LexicalRelative]) < 1, $"noise weight {model.Weights[MatchFeatures.LexicalRelative]}");
        Assert.True(model.Bias < 0);
    }

    [Fact]
    public void Fitted_probabilities_follow_the_rate_of_gold_rows()
    {
        var rows = Rows();
        var model = FusionFitter.Fit(rows, [MatchFeatures.PhraseAny]);
        var on = rows.Where(r => r.Features[MatchFeatures.IndexOf(MatchFeatures.PhraseAny)] == 1).ToList();

        var predicted = model.Probability(on[0].Features);
        var observed = on.Count(r => r.Gold) / (double)on.Count;

        Assert.InRange(predicted, observed - 0.05, observed + 0.05);
    }

    [Fact]
    public void The_same_rows_give_the_same_weights_and_a_stronger_ridge_gives_smaller_ones()
    {
        var a = FusionFitter.Fit(Rows(), [MatchFeatures.PhraseAny]);
        var b = FusionFitter.Fit(Rows(), [MatchFeatures.PhraseAny]);
        var strong = FusionFitter.Fit(Rows(), [MatchFeatures.PhraseAny], ridge: 50);

        Assert.Equal(a.Weights[MatchFeatures.PhraseAny], b.Weights[MatchFeatures.PhraseAny]);
        Assert.True(strong.Weights[MatchFeatures.PhraseAny] < a.Weights[MatchFeatures.PhraseAny]);
    }
}
