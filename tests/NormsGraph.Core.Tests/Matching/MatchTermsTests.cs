using NormsGraph.Core.Matching;

namespace NormsGraph.Core.Tests.Matching;

public sealed class MatchTermsTests
{
    [Fact]
    public void Function_words_and_numbers_are_left_out_and_content_words_keep_their_surface()
    {
        var terms = MatchTerms.Of("The States should protect their 2 critical infrastructures.");

        Assert.Equal(["States", "protect", "critical", "infrastructures"], terms.Select(t => t.Surface));
        Assert.Equal(terms[3].Stem, MatchTerms.Of("infrastructure")[0].Stem);
    }
}
