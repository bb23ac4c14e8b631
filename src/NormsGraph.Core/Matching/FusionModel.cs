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
    public double Probability(ReadOnlySpan<double> features) => Sigmoid(Logit(features));

    /// <summary>The weighted sum before the logistic function.</summary>
    public double Logit(ReadOnlySpan<double> features)
    {
        var z = Bias;
        for (var i = 0; i < MatchFeatures.Names.Count; i++)
        {
            if (Weights.TryGetValue(MatchFeatures.Names[i], out var w))
            {
                z += w * features[i];
            }
        }
        return z;
    }

    /// <summary>What makes a model read from a file unusable (named <paramref name="name"/> in the message), or null.</summary>
    public string? Problem(string name) => Weights is null ? $"the \"{name}\" model has no \"weights\"" : null;

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>The most the named features can add to the logit, each anywhere in its range [low, high].</summary>
    public double Headroom(IEnumerable<(string Feature, double Low, double High)> ranges) =>
        ranges.Sum(r => Weights.TryGetValue(r.Feature, out var w) ? Math.Max(w * r.Low, w * r.High) : 0);
}
