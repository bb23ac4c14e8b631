using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Core.Tests.Matching;

public sealed class HybridTargetMatcherTests
{
    private static readonly MatchingCatalog Catalog = new(TaxonomyLoader.LoadEmbedded());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StoredEvidence Stored(string id, string target, string evidence, StatementStatus status = StatementStatus.Extracted) =>
        new(id, target, evidence, "chl", "r-1", status, 0);

    [Fact]
    public void A_taxonomy_phrase_ranks_its_target_first_with_the_phrase_as_the_reason()
    {
        var matcher = new HybridTargetMatcher(Catalog, DisabledSentenceEncoder.Instance, FusionWeights.BuiltIn());

        var matches = matcher.Match("Estonia stressed the protection of CERTs in peacetime and in conflict.", top: 5);

        Assert.Equal("gge-13k", matches[0].TargetId);
        Assert.Contains(matches[0].Reasons, r => r.Signal == MatchSignal.Phrase && r.Detail == "protection of CERTs");
        Assert.Contains("protection of CERTs", MatchWhy.From(matches[0]).Phrases);
    }

    [Fact]
    public void Scores_are_probabilities_best_first_and_top_limits_the_answer()
    {
        var matcher = new HybridTargetMatcher(Catalog, new WordHashEncoder(), FusionWeights.BuiltIn());

        var matches = matcher.Match("International law applies to cyberspace, including the UN Charter.", top: 3);

        Assert.Equal(3, matches.Count);
        Assert.Equal("p-intl-law", matches[0].TargetId);
        Assert.All(matches, m => Assert.InRange(m.Score, 0, 1));
        Assert.True(matches[0].Score >= matches[1].Score && matches[1].Score >= matches[2].Score);
        Assert.Contains(matches[0].Reasons, r => r.Signal == MatchSignal.Semantic);
        Assert.Contains(matches[0].Reasons, r => r.Signal == MatchSignal.Lexical);
    }

    [Fact]
    public void The_target_texts_are_encoded_once_and_then_only_each_statement()
    {
        var encoder = new WordHashEncoder();
        var matcher = new HybridTargetMatcher(Catalog, encoder, FusionWeights.BuiltIn());

        matcher.Match("first statement about law", 5);
        matcher.Match("second statement about infrastructure", 5);

        Assert.Equal(3, encoder.Calls);
    }

    [Fact]
    public void Warming_up_loads_the_model_and_the_target_texts_before_any_match()
    {
        var encoder = new WordHashEncoder();
        var matcher = new HybridTargetMatcher(Catalog, encoder, FusionWeights.BuiltIn());

        matcher.Warm();
        var calls = encoder.Calls;
        matcher.Match("a statement about law", 5);

        Assert.Equal(2, calls);
        Assert.Equal(3, encoder.Calls);
    }

    [Fact]
    public async Task A_confirmed_stored_statement_counts_more_than_an_extracted_one()
    {
        const string text = "Delegations welcomed the compendium of voluntary commitments and asked for it to be updated yearly.";
        var vector = WordHashEncoder.Vector(text);
        // Two stored statements, equally similar to the text, about two targets no wording of the text names.
        var evidence = new ListEvidenceSource([
            (Stored("s-extracted", "p-review-mechanism", "a compendium updated yearly"), vector),
            (Stored("s-confirmed", "p-cbm", "a compendium updated every year", StatementStatus.Confirmed), vector),
        ]);
        var matcher = new HybridTargetMatcher(Catalog, new WordHashEncoder(), FusionWeights.BuiltIn(), evidence);

        var candidates = await matcher.CandidatesAsync(text, Ct);
        var vote = MatchFeatures.IndexOf(MatchFeatures.NeighbourVote);

        var confirmed = candidates.Single(c => c.TargetId == "p-cbm").Features[vote];
        var extracted = candidates.Single(c => c.TargetId == "p-review-mechanism").Features[vote];
        Assert.Equal(2 * extracted, confirmed, 6);
        // Under a fusion that weighs only the votes, the confirmed statement's target wins.
        var votesOnly = new FusionModel(-2, new Dictionary<string, double> { [MatchFeatures.NeighbourVote] = 4 });
        var ranked = new HybridTargetMatcher(Catalog, new WordHashEncoder(), new FusionWeights(1, "test", "word-hash-64", votesOnly, votesOnly), evidence);
        var matches = await ranked.MatchAsync(text, 2, Ct);
        Assert.Equal(["p-cbm", "p-review-mechanism"], matches.Select(m => m.TargetId));
        Assert.Equal("s-confirmed", Assert.Single(matches[0].Similar).StatementId);
    }

    [Fact]
    public async Task A_stored_copy_of_the_text_is_left_out_only_when_asked()
    {
        const string text = "Chile stressed that international law applies in cyberspace.";
        var evidence = new ListEvidenceSource([
            (Stored("s-copy", "p-intl-law", "Chile stressed that international law applies in cyberspace."), WordHashEncoder.Vector(text)),
            (Stored("s-other", "p-intl-law", "Japan said the UN Charter governs state conduct online."), WordHashEncoder.Vector("UN Charter governs state conduct online")),
        ]);
        var keep = new HybridTargetMatcher(Catalog, new WordHashEncoder(), FusionWeights.BuiltIn(), evidence);
        var exclude = new HybridTargetMatcher(Catalog, new WordHashEncoder(), FusionWeights.BuiltIn(), evidence, new MatcherSettings { ExcludeSameText = true });

        var kept = (await keep.MatchAsync(text, 1, Ct))[0];
        var excluded = (await exclude.MatchAsync(text, 1, Ct))[0];

        Assert.Contains(kept.Similar, s => s.StatementId == "s-copy");
        Assert.DoesNotContain(excluded.Similar, s => s.StatementId == "s-copy");
        Assert.Contains(excluded.Similar, s => s.StatementId == "s-other");
    }

    [Fact]
    public async Task Stored_statements_about_a_proposal_outside_the_taxonomy_make_it_a_candidate()
    {
        const string text = "We back the global cyber resilience fund for small island states.";
        var evidence = new ListEvidenceSource([
            (Stored("s-fund", "proposal-global-cyber-resilience-fund", "a global cyber resilience fund for small island states"), WordHashEncoder.Vector(text)),
        ]);
        var matcher = new HybridTargetMatcher(Catalog, new WordHashEncoder(), FusionWeights.BuiltIn(), evidence);

        var matches = await matcher.MatchAsync(text, 40, Ct);

        Assert.Contains(matches, m => m.TargetId == "proposal-global-cyber-resilience-fund" && m.Similar.Count == 1);
    }

    [Fact]
    public async Task With_the_encoder_off_no_semantic_feature_is_set()
    {
        var matcher = new HybridTargetMatcher(Catalog, DisabledSentenceEncoder.Instance, FusionWeights.BuiltIn());

        var candidates = await matcher.CandidatesAsync("States should protect critical infrastructure.", Ct);

        Assert.False(matcher.SemanticEnabled);
        Assert.All(candidates, c => Assert.All(MatchFeatures.NeedEncoder, f => Assert.Equal(0, c.Features[MatchFeatures.IndexOf(f)])));
        Assert.Contains(candidates, c => c.Features[MatchFeatures.IndexOf(MatchFeatures.LexicalRelative)] == 1);
    }
}
