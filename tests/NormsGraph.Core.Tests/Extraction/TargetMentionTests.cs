using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class TargetMentionTests
{
    [Fact]
    public void A_phrase_inside_a_longer_phrase_of_another_target_is_not_a_second_target()
    {
        var positions = Positions("Microsoft called for a Digital Geneva Convention.");
        Assert.Contains(positions, p => p.Target == "p-binding-instrument");
        Assert.DoesNotContain(positions, p => p.Target == "p-ihl");
    }

    [Fact]
    public void A_phrase_of_one_norm_does_not_also_satisfy_a_cooccurrence_group_of_another()
    {
        var positions = Positions("Japan called on states to protect critical infrastructure from cyber attacks.");
        Assert.Contains(("jpn", Stance.Support, "gge-13f"), positions);
        Assert.DoesNotContain(positions, p => p.Target == "gge-13g");
    }

    [Fact]
    public void Words_of_the_speakers_name_are_not_what_it_speaks_about()
    {
        var positions = Positions("The Special Rapporteur on the right to privacy warned against mass surveillance.");
        Assert.DoesNotContain(positions, p => p.Stance == Stance.Oppose);
        Assert.Contains(positions, p => p.Stance == Stance.Support && p.Target == "gge-13e");
    }

    [Fact]
    public void Coordinated_modifiers_share_their_head_noun()
    {
        var positions = Positions("Kenya and Czechia called for national and public positions on cyber law to be published.");
        Assert.Contains(("ken", Stance.Support, "p-national-positions"), positions);
    }

    [Fact]
    public void A_target_that_is_a_small_part_of_a_long_body_s_name_is_no_target()
    {
        var positions = Positions("Kenya spoke at the first session of the Ad Hoc Committee to Elaborate a Comprehensive International Convention on Countering the Use of Information and Communications Technologies for Criminal Purposes.");
        Assert.DoesNotContain(positions, p => p.Target == "p-binding-instrument");
    }

    [Fact]
    public void A_process_named_by_its_target_still_names_it()
    {
        var positions = Positions("Kenya supported the Programme of Action.");
        Assert.Contains(("ken", Stance.Support, "p-poa"), positions);
    }
}
