using NormsGraph.Core.Matching;

namespace NormsGraph.Core.Tests.Matching;

public sealed class Bm25IndexTests
{
    private static readonly Bm25Index Index = new([
        ("certs", "Do not harm computer emergency response teams. Emergency response teams must be protected."),
        ("law", "International law applies to the conduct of states. States respect international law."),
        ("states", "States cooperate. States talk. States meet."),
    ]);

    [Fact]
    public void A_document_with_a_rare_query_term_outranks_one_sharing_only_a_common_term()
    {
        var hits = Index.Search(MatchTerms.Of("States must protect emergency teams"));

        Assert.Equal("certs", hits[0].Id);
        Assert.Contains(hits, h => h.Id == "states");
        Assert.True(hits[0].Score > hits.Single(h => h.Id == "states").Score);
    }

    [Fact]
    public void Documents_sharing_no_content_word_are_not_returned()
    {
        Assert.Empty(Index.Search(MatchTerms.Of("the of and with")));
        Assert.DoesNotContain(Index.Search(MatchTerms.Of("international law")), h => h.Id == "certs");
    }

    [Fact]
    public void The_top_terms_are_the_query_words_that_weighed_most_in_their_written_form()
    {
        var hit = Index.Search(MatchTerms.Of("Emergency responses and states"))[0];

        Assert.Equal("certs", hit.Id);
        Assert.Equal(["Emergency", "responses"], hit.TopTerms);
    }
}
