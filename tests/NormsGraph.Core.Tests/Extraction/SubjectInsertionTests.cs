using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class SubjectInsertionTests
{
    [Fact]
    public void A_description_between_the_subject_and_its_verb_names_no_target_of_the_verb()
    {
        var positions = Positions("Egypt insisted that capacity-building must be demand-driven. "
            + "Kenya and Ghana, two countries that run national CERT exercises, backed that approach.");
        Assert.Contains(("ken", Stance.Support, "p-ccb-principles"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "ken" && p.Target == "gge-13k");
    }

    [Fact]
    public void A_cue_inside_the_description_does_not_set_the_stance()
    {
        var positions = Positions("Japan called for the programme of action to continue. France, one of the sponsors of that proposal, agreed.");
        Assert.Contains(("fra", Stance.Support, "p-poa"), positions);
    }

    [Fact]
    public void When_the_verb_names_nothing_the_description_is_what_the_sentence_says()
    {
        var positions = Positions("France, one of the original sponsors of the programme of action, urged delegations to adopt the resolution.");
        Assert.Contains(positions, p => p.Actor == "fra" && p.Target == "p-poa");
    }
}
