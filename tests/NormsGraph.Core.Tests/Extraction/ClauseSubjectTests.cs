using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class ClauseSubjectTests
{
    [Fact]
    public void A_contrast_clause_with_its_own_speaker_keeps_its_positions_apart()
    {
        var positions = Positions("Canada said it could not support a new treaty, while Cuba argued that the gaps required a binding instrument.");
        Assert.Contains(("can", Stance.Oppose, "p-binding-instrument"), positions);
        Assert.Contains(("cub", Stance.Support, "p-binding-instrument"), positions);
        Assert.DoesNotContain(("cub", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_semicolon_between_two_speakers_splits_their_positions()
    {
        var positions = Positions("Norway welcomed confidence-building measures; Iran rejected the programme of action.");
        Assert.Contains(("nor", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("irn", Stance.Oppose, "p-poa"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "nor" && p.Target == "p-poa");
        Assert.DoesNotContain(positions, p => p.Actor == "irn" && p.Target == "p-cbm");
    }

    [Fact]
    public void A_list_with_a_serial_comma_is_one_subject_not_two_clauses()
    {
        var positions = Positions("Brazil, Chile, and Peru stressed the importance of confidence-building measures.");
        Assert.Contains(("bra", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("chl", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("per", Stance.Support, "p-cbm"), positions);
    }

    [Fact]
    public void A_verb_of_the_main_clause_does_not_reach_back_into_a_concession()
    {
        var positions = Positions("While international humanitarian law may apply in armed conflict, Cuba warned against the militarisation of cyberspace.");
        Assert.DoesNotContain(positions, p => p.Target == "p-ihl");
        Assert.Contains(("cub", Stance.Support, "p-no-militarisation"), positions);
    }

    [Fact]
    public void Names_after_supported_by_set_off_by_commas_share_the_subjects_position()
    {
        var positions = Positions("Mexico, supported by Chile and Uruguay, called for confidence-building measures.");
        Assert.Contains(("mex", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("chl", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("ury", Stance.Support, "p-cbm"), positions);
    }

    [Theory]
    [InlineData("For Switzerland, international humanitarian law applies to cyber operations in armed conflict.", "che")]
    [InlineData("In Egypt's view, international humanitarian law applies to cyber operations in armed conflict.", "egy")]
    [InlineData("In the view of Brazil, international humanitarian law applies to cyber operations in armed conflict.", "bra")]
    public void An_opening_that_says_whose_view_it_is_names_the_speaker(string sentence, string actor) =>
        Assert.Contains((actor, Stance.Support, "p-ihl"), Positions(sentence));

    [Fact]
    public void An_opening_that_names_a_place_names_no_speaker()
    {
        var positions = Positions("In Ukraine, attacks on power grids showed that international humanitarian law must apply to cyber operations.");
        Assert.DoesNotContain(positions, p => p.Actor == "ukr");
    }

    [Fact]
    public void The_subject_of_a_passive_verb_did_not_speak_and_a_relative_clause_names_its_own_subject()
    {
        var positions = Positions("The Paris Peace Forum, held in November, was mentioned by Colombia, which supported the protection of the public core of the internet.");
        Assert.Contains(("col", Stance.Support, "gcsc-1"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "paris-peace-forum");
    }
}
