using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Tests.Matching;

public sealed class TaxonomyPhraseMatcherTests
{
    [Fact]
    public void Co_occurrence_groups_sharing_a_term_are_each_found_once_in_the_order_their_terms_appear()
    {
        // "States" and "state" have one stem: one term of two groups, which fills both at its first occurrence.
        var matcher = new TaxonomyPhraseMatcher(TaxonomyWith(
            Target("t-states-hospitals", ["States", "hospital"]),
            Target("t-ransomware", ["state", "ransomware", "hospitals"]),
            Target("t-incomplete", ["hospital", "pandemic"])));

        var hits = matcher.FindAll(Tokenizer.Tokenize("Hospitals were hit by ransomware, and States must act; states again."));

        Assert.Equal(
            [("t-states-hospitals", 0, 7), ("t-ransomware", 0, 7)],
            hits.Select(h => (h.TargetId, h.Start, h.End)));
        Assert.All(hits, h => Assert.Equal(MatchSignal.Cooccurrence, h.Signal));
    }

    [Fact]
    public void A_cooccurrence_group_that_names_the_practice_gives_a_practice_hit()
    {
        var matcher = new TaxonomyPhraseMatcher(TaxonomyWith(
            new TaxonomyTarget(new Target("t-hospitals", "t-hospitals", TargetKind.Norm, null), [], [["hospital", "protect"]], [], [["hospital", "ransomware"]])));

        var hits = matcher.FindAll(Tokenizer.Tokenize("Ransomware gangs hit two hospitals; states must protect hospitals."));

        Assert.Contains(hits, h => h.TargetId == "t-hospitals" && h.IsPractice && h.Phrase == "hospital + ransomware");
        Assert.Contains(hits, h => h.TargetId == "t-hospitals" && !h.IsPractice && h.Phrase == "hospital + protect");
    }

    private static TaxonomyTarget Target(string id, IReadOnlyList<string> terms) =>
        new(new Target(id, id, TargetKind.Norm, null), [], [terms], [], []);

    private static Core.Taxonomy.Taxonomy TaxonomyWith(params TaxonomyTarget[] targets) =>
        new([], [], [], targets, TaxonomyLoader.LoadEmbedded().Language, "test");

    [Fact]
    public void A_group_is_read_where_its_terms_lie_closest_together()
    {
        var matcher = new TaxonomyPhraseMatcher(TaxonomyWith(Target("t-undermine", ["critical infrastructure", "undermine"])));

        var hits = matcher.FindAll(Tokenizer.Tokenize("Regarding critical infrastructure, China stated that no state should undermine another state's critical infrastructure."));

        var hit = Assert.Single(hits);
        Assert.Equal(9, hit.Start); // "undermine", not the topic named at the start
    }
}
