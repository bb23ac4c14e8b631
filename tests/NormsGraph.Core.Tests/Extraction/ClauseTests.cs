using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class ClauseTests
{
    [Fact]
    public void A_stance_verb_of_a_later_clause_governs_the_targets_of_that_clause()
    {
        var positions = Positions("Chile rejected a legally binding instrument; in the same statement it welcomed the programme of action.");
        Assert.Contains(("chl", Stance.Support, "p-poa"), positions);
        Assert.Contains(("chl", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_contrast_keeps_each_half_with_its_own_stance()
    {
        var positions = Positions("Brazil opposed a legally binding instrument, but it strongly welcomed the work towards a programme of action.");
        Assert.Contains(("bra", Stance.Support, "p-poa"), positions);
        Assert.Contains(("bra", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_cue_inside_the_object_does_not_replace_the_main_verb()
    {
        var positions = Positions("Kenya welcomed the norms proposed by the GCSC on the public core of the internet.");
        Assert.Contains(("ken", Stance.Support, "gcsc-1"), positions);
    }

    [Fact]
    public void And_before_a_second_verb_starts_a_predicate_with_its_own_stance()
    {
        var positions = Positions("Cuba rejected the unilateral sanctions and said states should settle disputes in accordance with the Charter of the United Nations.");
        Assert.Contains(("cub", Stance.Support, "p-intl-law"), positions);
        Assert.DoesNotContain(("cub", Stance.Oppose, "p-intl-law"), positions);
    }

    [Fact]
    public void Each_coordinated_verb_governs_its_own_object()
    {
        var positions = Positions("The Netherlands supported confidence-building measures and rejected a legally binding instrument.");
        Assert.Contains(("nld", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("nld", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_stance_verb_of_a_later_clause_does_not_govern_a_target_of_an_earlier_one()
    {
        var positions = Positions("Kenya said states should make it easier for civil society to participate; the rules allow one state to veto any organisation.");
        Assert.Contains(("ken", Stance.Support, "p-multistakeholder"), positions);
        Assert.DoesNotContain(("ken", Stance.Oppose, "p-multistakeholder"), positions);
    }
}
