using NormsGraph.Core.Domain;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class SemanticTargetTests
{
    private const string Report = "Test session\n\n14 Mar 2023\n\nEvent report\n\nGhana stressed that the rule of law must reach the digital sphere too.";

    [Fact]
    public void A_sentence_with_a_speaker_and_a_stance_verb_but_no_phrase_takes_the_matchers_target_above_the_threshold()
    {
        var extractor = new ReportExtractor(TaxonomyLoader.LoadEmbedded(), semanticTargets: new FixedMatcher("p-intl-law", 0.9), semanticThreshold: 0.85);
        var position = Assert.Single(extractor.Extract(ReportReader.Read(Report, "t.txt"), "t.txt").Positions);
        Assert.Equal(("gha", Stance.Support, "p-intl-law"), (position.ActorId, position.Stance, position.TargetId));
        Assert.EndsWith("/semantic", position.Mechanism, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_below_the_threshold_is_not_taken()
    {
        var extractor = new ReportExtractor(TaxonomyLoader.LoadEmbedded(), semanticTargets: new FixedMatcher("p-intl-law", 0.5), semanticThreshold: 0.85);
        Assert.Empty(extractor.Extract(ReportReader.Read(Report, "t.txt"), "t.txt").Positions);
    }

    [Fact]
    public void The_semantic_signal_is_part_of_the_extractor_version()
    {
        var taxonomy = TaxonomyLoader.LoadEmbedded();
        Assert.NotEqual(new ReportExtractor(taxonomy).Version, new ReportExtractor(taxonomy, semanticTargets: new FixedMatcher("p-intl-law", 1)).Version);
    }

    // The model-backed matcher is tested in NormsGraph.Embeddings.Tests; here only what extraction does with an answer.
    private sealed class FixedMatcher(string targetId, double score) : ITargetMatcher
    {
        public IReadOnlyList<TargetMatch> Match(string text, int top) => [new TargetMatch(targetId, score, [])];

        public Task<IReadOnlyList<TargetMatch>> MatchAsync(string text, int top, CancellationToken cancellationToken) =>
            Task.FromResult(Match(text, top));
    }
}
