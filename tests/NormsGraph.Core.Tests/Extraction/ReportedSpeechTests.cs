using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

/// <summary>Who speaks in reported speech: closing reporting clauses and personal pronouns.</summary>
public sealed class ReportedSpeechTests
{
    [Fact]
    public void A_closing_reporting_clause_names_the_speaker_of_the_words_before_it()
    {
        var positions = Positions("Every state should respect the Charter of the United Nations in cyberspace, the delegation of Kenya stressed.");
        Assert.Contains(("ken", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_closing_she_said_outranks_the_subject_inside_the_reported_words()
    {
        var positions = Positions("""
            Ghana said the debate was timely.

            Both groups agreed that international law applies in cyberspace, she said.
            """);
        Assert.Contains(("gha", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_list_of_states_before_the_verb_is_not_read_as_a_closing_clause()
    {
        var positions = Positions("Chile, Peru and Mexico stressed that international law applies in cyberspace.");
        Assert.Contains(("chl", Stance.Support, "p-intl-law"), positions);
        Assert.Contains(("per", Stance.Support, "p-intl-law"), positions);
        Assert.Contains(("mex", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void He_or_she_in_a_new_paragraph_is_the_last_single_speaker()
    {
        var positions = Positions("""
            The representative of Norway said the debate was timely.

            Later, she stressed that international law applies in cyberspace.
            """);
        Assert.Contains(("nor", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void They_in_a_new_paragraph_does_not_reach_back_to_an_earlier_speaker()
    {
        var positions = Positions("""
            The representative of Norway said the debate was timely.

            They stressed that international law applies in cyberspace.
            """);
        Assert.DoesNotContain(positions, p => p.Actor == "nor");
    }

    [Fact]
    public void A_process_named_alone_is_not_who_she_refers_to()
    {
        var positions = Positions("""
            The representative of Norway spoke first. Norway then welcomed the work of the Open-Ended Working Group.

            The Open-Ended Working Group adopted its report. She stressed that international law applies in cyberspace.
            """);
        Assert.Contains(("nor", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_speaker_named_after_a_quotation_outranks_the_we_inside_it()
    {
        var positions = Positions("Japan spoke first.\n\n\u201CWe must protect hospitals from ransomware,\u201D said the Minister of Foreign Affairs of Estonia.");
        Assert.Contains(("est", Stance.Support, "gge-13f"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "jpn" && p.Target == "gge-13f");
    }

    [Fact]
    public void A_country_named_inside_a_reported_that_clause_is_not_an_inverted_speaker()
    {
        var positions = Positions("Ana Silva, Minister of Communications of Ghana, speaking via video link, noted that the Government of Ghana protects privacy online.");
        Assert.DoesNotContain(positions, p => p.Actor == "gha");
    }

    [Fact]
    public void A_reporting_clause_set_off_by_commas_names_the_speaker_of_the_sentence()
    {
        var positions = Positions("Iran took the floor next. Voluntary commitments, it argued, had done nothing, and only a legally binding convention could help.");
        Assert.Contains(("irn", Stance.Support, "p-binding-instrument"), positions);
    }

    [Fact]
    public void A_pronoun_after_a_speaker_named_in_the_same_sentence_means_that_speaker()
    {
        var positions = Positions("Japan spoke first.\n\nCuba went further: it rejected the militarisation of cyberspace outright.");
        Assert.Contains(("cub", Stance.Support, "p-no-militarisation"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "jpn");
    }

    [Fact]
    public void The_observer_for_an_organisation_speaks_for_it()
    {
        var positions = Positions("The observer for the International Committee of the Red Cross said international humanitarian law applies to cyber operations.");
        Assert.Contains(positions, p => p.Target == "p-ihl" && p.Stance == Stance.Support);
    }

    [Fact]
    public void A_speaker_who_opened_by_speaking_is_who_he_refers_to_next()
    {
        var positions = Positions("Ambassador Henri Verdier of France opened by recalling the agreed framework.\n\nHe underlined the value of confidence-building measures.");
        Assert.Contains(positions, p => p.Actor.StartsWith("person-", StringComparison.Ordinal) && p.Target == "p-cbm" && p.Stance == Stance.Support);
    }

    [Fact]
    public void The_author_of_an_intervention_or_remarks_speaks_and_an_opinion_is_support()
    {
        var positions = Positions("The intervention by Egypt focused on the need for capacity-building that is demand-driven. "
            + "Japan was of the opinion that the programme of action should be the single future mechanism.");
        Assert.Contains(("egy", Stance.Support, "p-ccb-principles"), positions);
        Assert.Contains(("jpn", Stance.Support, "p-poa"), positions);
    }

    [Fact]
    public void A_speaker_s_view_or_priority_is_support()
    {
        var positions = Positions("Brazil's view is that international law applies fully in cyberspace. "
            + "For Egypt, a priority remains the protection of computer emergency response teams.");
        Assert.Contains(("bra", Stance.Support, "p-intl-law"), positions);
        Assert.Contains(("egy", Stance.Support, "gge-13k"), positions);
    }
}

