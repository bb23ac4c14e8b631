using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class TargetReferenceTests
{
    [Fact]
    public void Backing_that_position_takes_up_the_previous_speakers_target_and_stance()
    {
        var positions = Positions("Argentina called for a legally binding instrument on state conduct in cyberspace. Peru and Chile backed that position.");
        Assert.Contains(("per", Stance.Support, "p-binding-instrument"), positions);
        Assert.Contains(("chl", Stance.Support, "p-binding-instrument"), positions);
    }

    [Fact]
    public void Backing_an_opposition_is_opposition()
    {
        var positions = Positions("Norway rejected a legally binding instrument. Denmark supported this view.");
        Assert.Contains(("dnk", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void Rejecting_a_position_opposes_what_it_backed()
    {
        var positions = Positions("Cuba called for a legally binding instrument. Canada rejected that proposal.");
        Assert.Contains(("can", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_noun_the_target_is_named_with_refers_back_to_it()
    {
        var positions = Positions("Iran argued that only a legally binding instrument would restrain states. Syria proposed that negotiation of such an instrument start next year.");
        Assert.Contains(("syr", Stance.Propose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_noun_that_is_not_in_the_earlier_targets_wording_refers_to_nothing()
    {
        var positions = Positions("Iran argued that only a legally binding instrument would restrain states. Syria welcomed the moratorium.");
        Assert.DoesNotContain(positions, p => p.Actor == "syr");
    }

    [Fact]
    public void A_reference_does_not_reach_further_than_a_few_sentences()
    {
        var positions = Positions("Cuba called for a legally binding instrument. The session then turned to other matters. "
            + "Delegates spoke at length about the budget. Many statements were read out. The meeting was suspended for lunch. Peru backed that position.");
        Assert.DoesNotContain(positions, p => p.Actor == "per");
    }

    [Fact]
    public void A_noun_with_its_own_author_or_content_is_not_a_reference()
    {
        var positions = Positions("Cuba called for a legally binding instrument. Peru welcomed the statement made by the International Committee of the Red Cross. "
            + "Chile shared the view that more time was needed.");
        Assert.DoesNotContain(positions, p => p.Actor is "per" or "chl");
    }

    [Fact]
    public void An_object_pronoun_names_the_target_of_the_clause_before()
    {
        var positions = Positions("France presented the programme of action; Russia opposed it, arguing that it would duplicate the working group.");
        Assert.Contains(("rus", Stance.Oppose, "p-poa"), positions);
    }

    [Fact]
    public void This_after_a_verb_takes_up_only_the_position_of_the_sentence_just_before()
    {
        var positions = Positions("Norway called for a legally binding instrument. The session then broke for lunch. Denmark echoed this.");
        Assert.DoesNotContain(positions, p => p.Actor == "dnk");
        var next = Positions("Norway called for a legally binding instrument. Denmark echoed this.");
        Assert.Contains(("dnk", Stance.Support, "p-binding-instrument"), next);
    }

    [Fact]
    public void A_reference_before_the_sentence_s_own_targets_takes_up_the_earlier_position_too()
    {
        var positions = Positions("Chile stressed that human rights must be respected online.\n\n"
            + "Ghana and Peru echoed this, adding that capacity-building should be demand-driven.");
        Assert.Contains(("gha", Stance.Support, "gge-13e"), positions);
        Assert.Contains(("per", Stance.Support, "gge-13e"), positions);
        Assert.Contains(("gha", Stance.Support, "p-ccb-principles"), positions);
    }

    [Fact]
    public void Associating_oneself_with_a_statement_takes_up_its_position()
    {
        var positions = Positions("Japan supported the programme of action, and Fiji associated itself with that statement.");
        Assert.Contains(("fji", Stance.Support, "p-poa"), positions);
    }

    [Fact]
    public void A_verb_with_no_object_takes_up_the_position_of_the_sentence_before()
    {
        var positions = Positions("Egypt insisted that capacity-building must be demand-driven. Kenya and Ghana concurred. Peru agreed, while Chile asked for more time.");
        Assert.Contains(("ken", Stance.Support, "p-ccb-principles"), positions);
        Assert.Contains(("gha", Stance.Support, "p-ccb-principles"), positions);
        var disagreed = Positions("Russia called for a legally binding instrument. Japan disagreed.");
        Assert.Contains(("jpn", Stance.Oppose, "p-binding-instrument"), disagreed);
    }

    [Fact]
    public void A_verb_with_no_object_reaches_back_only_one_sentence()
    {
        var positions = Positions("Egypt insisted that capacity-building must be demand-driven. The meeting then broke for lunch. Kenya agreed.");
        Assert.DoesNotContain(positions, p => p.Actor == "ken");
    }

    [Fact]
    public void A_relative_word_is_the_object_of_the_verb_that_follows_it()
    {
        var positions = Positions("Egypt insisted that capacity-building must be demand-driven. Kenya recalled the Paris Call, which many governments endorsed, in its remarks.");
        Assert.DoesNotContain(positions, p => p.Actor is "ken" or "paris-call" && p.Target == "p-ccb-principles");
    }

    [Fact]
    public void After_a_verb_with_no_object_the_next_verb_governs_the_targets()
    {
        var positions = Positions("Russia called for a legally binding instrument. Switzerland disagreed, arguing that international humanitarian law already protects civilians.");
        Assert.Contains(("che", Stance.Oppose, "p-binding-instrument"), positions);
        Assert.Contains(("che", Stance.Support, "p-ihl"), positions);
    }

    [Fact]
    public void Siding_with_a_named_speaker_takes_up_that_speaker_s_recent_positions()
    {
        var positions = Positions("Estonia called on States to refrain from attacks on hospitals. Latvia sided with Estonia. "
            + "The representative of Brazil said that capacity-building must be demand-driven. India aligned itself with Brazil's remarks.");
        Assert.Contains(("lva", Stance.Support, "gge-13f"), positions);
        Assert.Contains(("ind", Stance.Support, "p-ccb-principles"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "ind" && p.Target == "gge-13f");
    }

    [Fact]
    public void Rejecting_a_named_speaker_s_proposal_opposes_it()
    {
        var positions = Positions("Russia called for a legally binding instrument. Canada rejected Russia's proposal.");
        Assert.Contains(("can", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_named_speaker_who_is_spoken_to_or_took_no_recent_position_gives_nothing()
    {
        var urged = Positions("Russia called for a legally binding instrument. Canada urged Russia to reconsider.");
        Assert.DoesNotContain(urged, p => p.Actor == "can");
        var stale = Positions("Russia called for a legally binding instrument. The meeting broke for lunch. Delegates returned late. "
            + "The budget was discussed at length. Canada sided with Russia.");
        Assert.DoesNotContain(stale, p => p.Actor == "can");
    }
}

