using NormsGraph.Core.Matching;

namespace NormsGraph.Core.Tests.Matching;

public sealed class FusionWeightsTests
{
    [Fact]
    public void The_built_in_weights_are_fitted_and_name_only_known_features()
    {
        var weights = FusionWeights.BuiltIn();

        Assert.True(weights.Version >= 1);
        Assert.Equal("all-MiniLM-L6-v2", weights.EncoderModel);
        Assert.All(weights.Full.Weights.Keys.Concat(weights.Lexical.Weights.Keys), k => Assert.Contains(k, MatchFeatures.Names));
        Assert.Contains(weights.Full.Weights.Keys, MatchFeatures.NeedEncoder.Contains);
        Assert.DoesNotContain(weights.Lexical.Weights.Keys, MatchFeatures.NeedEncoder.Contains);
    }

    [Fact]
    public void Weights_survive_a_round_trip_through_their_file_format()
    {
        var weights = FusionWeights.BuiltIn();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(weights.ToJson()));

        var read = FusionWeights.Read(stream);

        Assert.Equal(weights.Version, read.Version);
        Assert.Equal(weights.Full.Bias, read.Full.Bias);
        Assert.Equal(weights.Full.Weights, read.Full.Weights);
    }
}
