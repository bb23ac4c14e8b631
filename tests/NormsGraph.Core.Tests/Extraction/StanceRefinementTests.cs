using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

/// <summary>What the target is refines the stance a cue gives it.</summary>
public sealed class StanceRefinementTests
{
    [Fact]
    public void Proposing_to_strengthen_an_existing_norm_supports_it()
    {
        var positions = Positions("Mexico proposed an amendment to strengthen the language on human rights online.");
        Assert.Contains(("mex", Stance.Support, "gge-13e"), positions);
    }

    [Fact]
    public void Backing_an_agreed_norm_framed_as_new_supports_it_and_only_an_instrument_yet_to_be_made_is_proposed()
    {
        var positions = Positions("Ghana stressed the importance of new confidence-building measures.\n\n"
            + "Cuba stressed the need for a new legally binding instrument.");
        Assert.Contains(("gha", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("cub", Stance.Propose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void Condemning_an_attack_named_by_a_practice_group_supports_the_norm_it_breaks()
    {
        var positions = Positions("Portugal condemned the ransomware operations that crippled three hospitals in March.");
        Assert.Contains(("prt", Stance.Support, "gge-13f"), positions);
        Assert.DoesNotContain(("prt", Stance.Oppose, "gge-13f"), positions);
    }

    [Fact]
    public void Stop_speaks_against_a_practice_but_never_against_a_norm()
    {
        var positions = Positions("Peru said states must stop attacking hospitals.\n\nKenya urged every state to stop criminal groups operating from its territory.");
        Assert.Contains(("per", Stance.Support, "gge-13f"), positions);
        Assert.Contains(("ken", Stance.Support, "gge-13c"), positions);
        Assert.DoesNotContain(positions, p => p.Stance == Stance.Oppose);
    }

    [Fact]
    public void Cautioning_against_politicised_attribution_supports_the_attribution_norm()
    {
        var positions = Positions("Iran cautioned against the politicisation of attribution.");
        Assert.Contains(("irn", Stance.Support, "gge-13b"), positions);
    }

    [Fact]
    public void A_practice_said_not_to_be_done_upholds_the_principle_against_it()
    {
        var positions = Positions("Kenya said that no state should attack critical infrastructure.");
        Assert.Contains(("ken", Stance.Support, "gge-13f"), positions);
        Assert.DoesNotContain(("ken", Stance.Concern, "gge-13f"), positions);
    }

    [Fact]
    public void An_oppose_word_the_target_is_said_to_be_governs_it()
    {
        Assert.Contains(("irn", Stance.Oppose, "p-poa"), Positions("Iran argued that the programme of action was premature."));
        Assert.Contains(("irn", Stance.Support, "p-poa"), Positions("Iran argued that the programme of action was not premature."));
    }

    [Fact]
    public void Proposing_a_new_mechanism_to_implement_the_norms_is_still_a_proposal()
    {
        var positions = Positions("Canada proposed the implementation of a dedicated peer review mechanism.");
        Assert.Contains(("can", Stance.Propose, "p-review-mechanism"), positions);
    }

    [Fact]
    public void A_concern_about_a_proposed_instrument_opposes_it()
    {
        var positions = Positions("Japan warned that a new legally binding instrument could undermine the existing framework.");
        Assert.Contains(("jpn", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_concern_about_an_agreed_principle_stays_a_concern()
    {
        var positions = Positions("Japan warned that international humanitarian law is not respected in cyberspace.");
        Assert.DoesNotContain(positions, p => p.Actor == "jpn" && p.Stance == Stance.Oppose);
    }

    [Fact]
    public void A_norm_said_to_be_harmed_is_one_the_speaker_supports()
    {
        var positions = Positions("Norway warned that the new rules will undermine international cooperation against cybercrime.");
        Assert.Contains(("nor", Stance.Support, "gge-13d"), positions);
    }

    [Fact]
    public void What_does_the_harm_before_the_concern_word_stays_a_concern()
    {
        var positions = Positions("Norway warned that the militarisation of cyberspace threatens everyone.");
        Assert.Contains(("nor", Stance.Concern, "p-no-militarisation"), positions);
    }

    [Fact]
    public void A_negated_objection_right_before_a_target_is_support()
    {
        var positions = Positions("Iran did not object to confidence-building measures but rejected the programme of action.");
        Assert.Contains(("irn", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("irn", Stance.Oppose, "p-poa"), positions);
    }

    [Fact]
    public void Against_heading_a_principle_is_not_opposition_to_it()
    {
        var positions = Positions("Chile recalled the Charter of the United Nations, in particular the prohibition against the use of force.");
        Assert.DoesNotContain(positions, p => p.Stance == Stance.Oppose);
        Assert.Contains(("chl", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void Against_before_a_practice_still_supports_the_principle_that_forbids_it()
    {
        var positions = Positions("Chile spoke firmly, and against the militarisation of cyberspace.");
        Assert.Contains(("chl", Stance.Support, "p-no-militarisation"), positions);
    }

    [Fact]
    public void A_call_to_curb_a_practice_supports_the_principle_against_it()
    {
        var positions = Positions("Amnesty International urged governments to curb the surveillance industry.");
        Assert.Contains(positions, p => p.Stance == Stance.Support && p.Target == "p-surveillance-moratorium");
        Assert.DoesNotContain(positions, p => p.Stance == Stance.Concern && p.Target == "p-surveillance-moratorium");
    }

    [Fact]
    public void Welcoming_the_establishment_of_something_supports_it_rather_than_proposing_it()
    {
        Assert.Contains(("ken", Stance.Support, "p-cbm"), Positions("Kenya welcomed the establishment of a global directory of points of contact."));
        Assert.Contains(("ken", Stance.Propose, "p-cbm"), Positions("Kenya called for the establishment of a global directory of points of contact."));
    }

    [Fact]
    public void Taking_note_of_a_proposal_takes_no_position_on_it()
    {
        Assert.DoesNotContain(Positions("Brazil took note of the discussions on the programme of action."), p => p.Target == "p-poa");
        Assert.Contains(("bra", Stance.Support, "p-poa"), Positions("Brazil noted its support for the programme of action."));
    }

    [Fact]
    public void A_harm_that_no_state_should_do_upholds_the_norm_it_would_harm()
    {
        var positions = Positions("Norway stressed that no state should undermine the public core of the internet.");
        Assert.Contains(("nor", Stance.Support, "gcsc-1"), positions);
    }

    [Fact]
    public void A_harm_verb_that_opens_a_practice_is_not_the_speaker_s_stance_on_it()
    {
        var positions = Positions("Peru said that no state should undermine the critical infrastructure of its neighbours.");
        Assert.Contains(("per", Stance.Support, "gge-13f"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "per" && p.Stance == Stance.Concern);
    }

    [Fact]
    public void A_harm_verb_of_a_practice_others_do_leaves_the_speaker_s_own_cue_in_charge()
    {
        var positions = Positions("Peru warned that criminal gangs undermine critical infrastructure across the region.");
        Assert.Contains(("per", Stance.Concern, "gge-13f"), positions);
    }

    [Theory]
    [InlineData("Iran said that international humanitarian law does not apply to cyberspace.", "p-ihl")]
    [InlineData("Iran argued that international humanitarian law should not be applied to cyberspace.", "p-ihl")]
    [InlineData("Iran maintained that international humanitarian law was not applicable to cyber operations.", "p-ihl")]
    public void A_target_said_not_to_apply_is_opposed_whatever_verb_reports_it(string sentence, string target)
    {
        var positions = Positions(sentence);
        Assert.Contains(("irn", Stance.Oppose, target), positions);
        Assert.DoesNotContain(("irn", Stance.Support, target), positions);
    }

    [Fact]
    public void A_target_said_to_apply_not_only_somewhere_is_still_supported()
    {
        var positions = Positions("Iran said that international humanitarian law applies not only in armed conflict.");
        Assert.DoesNotContain(("irn", Stance.Oppose, "p-ihl"), positions);
    }

    [Fact]
    public void A_predicate_negated_at_its_copula_turns_the_stance_it_gives()
    {
        var positions = Positions("Norway argued that a programme of action would not be premature.");
        Assert.DoesNotContain(("nor", Stance.Oppose, "p-poa"), positions);
    }

    [Fact]
    public void A_semicolon_closes_what_a_negated_verb_before_it_governs()
    {
        var positions = Positions("Norway did not believe a binding treaty would help; states should protect critical infrastructure.");
        Assert.Contains(("nor", Stance.Support, "gge-13g"), positions);
        Assert.DoesNotContain(("nor", Stance.Oppose, "gge-13g"), positions);
    }

    [Fact]
    public void Commenting_on_a_target_takes_no_side_even_after_a_stance_verb_of_another_clause()
    {
        var positions = Positions("Norway urged the development of accountability mechanisms, and offered thoughts on the proposed programme of action.");
        Assert.DoesNotContain(positions, p => p.Actor == "nor" && p.Target == "p-poa");
    }

    [Fact]
    public void Doubt_is_concern_and_doubt_about_an_instrument_to_be_created_is_opposition()
    {
        var positions = Positions("Egypt voiced doubts about the application of international humanitarian law to cyberspace. "
            + "Japan expressed reservations about a legally binding instrument.");
        Assert.Contains(("egy", Stance.Concern, "p-ihl"), positions);
        Assert.Contains(("jpn", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_subject_denied_by_no_before_its_modal_denies_a_practice_however_far_it_stands()
    {
        var positions = Positions("Canada said that no government should assemble, rent or otherwise use networks of compromised consumer devices against others.");
        Assert.Contains(("can", Stance.Support, "gcsc-4"), positions);
    }

    [Fact]
    public void Voting_against_a_text_opposes_it()
    {
        var positions = Positions("Speaking before the vote, the representative of Iran said his delegation would vote against the programme of action.");
        Assert.Contains(("irn", Stance.Oppose, "p-poa"), positions);
    }
}

