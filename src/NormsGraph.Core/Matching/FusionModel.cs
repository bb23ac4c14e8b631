using System.Text.Json.Serialization;

namespace NormsGraph.Core.Matching;

/// <summary>
/// A logistic model over <see cref="MatchFeatures"/>: the probability that a candidate target is one the text
/// speaks to. Fitted on the dev links (see <c>normsgraph link fit</c>); weights live in a versioned file.
/// </summary>
public sealed record FusionModel(
    [property: JsonPropertyName("bias")] double Bias,
    [property: JsonPropertyName("weights")] IReadOnlyDictionary<string, double> Weights)
{
    public double Probability(ReadOnlySpan<double> features)
    {
        var z = Bias;
        for (var i = 0; i < MatchFeatures.Names.Count; i++)
        {
            if (Weights.TryGetValue(MatchFeatures.Names[i], out var w))
            {
                z += w * features[i];
            }
        }
        return 1 / (1 + Math.Exp(-z));
    }
}
