using NormsGraph.Core.Matching;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Core.Text;
using NormsGraph.Tests;

namespace NormsGraph.Core.Tests.Matching;

public sealed class MinimumScoreMatchTests
{
    private static readonly MatchingCatalog Catalog = new(TaxonomyLoader.LoadEmbedded());

    [Fact]
    public void A_sentence_no_target_could_score_high_enough_for_is_answered_without_the_encoder()
    {
        var encoder = new WordHashEncoder();
        var matcher = new HybridTargetMatcher(Catalog, encoder, FusionWeights.BuiltIn());
        matcher.Warm();
        var calls = encoder.Calls;

        var matches = matcher.Match("Ghana stressed that the rule of law must reach the digital sphere too.", 1, minScore: 0.85);

        Assert.Empty(matches);
        Assert.Equal(calls, encoder.Calls);
        Assert.Equal(1, matcher.SkippedEncodings);
    }

    [Fact]
    public void A_sentence_that_could_reach_the_score_is_encoded()
    {
        var encoder = new WordHashEncoder();
        var matcher = new HybridTargetMatcher(Catalog, encoder, FusionWeights.BuiltIn());
        matcher.Warm();
        var calls = encoder.Calls;

        matcher.Match("Estonia stressed the protection of CERTs in peacetime and in conflict.", 1, minScore: 0.85);

        Assert.Equal(calls + 1, encoder.Calls);
        Assert.Equal(0, matcher.SkippedEncodings);
    }

    // The bound may only save work: over every sentence of the sample reports and a range of scores, the answer is
    // exactly the full match's answer above the score, whether or not the encoder was asked.
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.85)]
    [InlineData(0.95)]
    public void The_answer_is_what_the_full_match_gives_above_the_score(double minScore)
    {
        var matcher = new HybridTargetMatcher(Catalog, new WordHashEncoder(), FusionWeights.BuiltIn());
        var sentences = Directory.GetFiles(RepositoryRoot.Combine("samples", "reports")).Order(StringComparer.Ordinal)
            .SelectMany(path => SentenceSplitter.Split(ReportReader.Read(File.ReadAllText(path), Path.GetFileName(path)).Body))
            .Select(s => s.Text)
            .ToList();
        Assert.NotEmpty(sentences);

        foreach (var sentence in sentences)
        {
            var expected = matcher.Match(sentence, 3).Where(m => m.Score >= minScore).Select(m => (m.TargetId, m.Score));
            Assert.Equal(expected, matcher.Match(sentence, 3, minScore).Select(m => (m.TargetId, m.Score)));
        }
    }

    [Fact]
    public void A_matcher_without_a_bound_filters_its_own_answer()
    {
        ITargetMatcher matcher = new HybridTargetMatcher(Catalog, DisabledSentenceEncoder.Instance, FusionWeights.BuiltIn());

        var all = matcher.Match("Estonia stressed the protection of CERTs in peacetime and in conflict.", 5);
        var above = matcher.Match("Estonia stressed the protection of CERTs in peacetime and in conflict.", 5, all[1].Score);

        Assert.Equal(all.Where(m => m.Score >= all[1].Score).Select(m => m.TargetId), above.Select(m => m.TargetId));
    }
}
