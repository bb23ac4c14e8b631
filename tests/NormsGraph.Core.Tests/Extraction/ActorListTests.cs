using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class ActorListTests
{
    [Fact]
    public void A_long_list_with_inserted_descriptions_gives_every_named_state_the_position()
    {
        var positions = Positions(
            "Germany, France, the EU and its member states, the candidate countries Albania, Serbia and Moldova, "
            + "the country of the stabilisation and association process Bosnia and Herzegovina, as well as Norway, Iceland, "
            + "and Georgia confirmed that international law applies in cyberspace.");
        foreach (var actor in new[] { "deu", "fra", "eu", "alb", "srb", "mda", "bih", "nor", "isl", "geo" })
        {
            Assert.Contains((actor, Stance.Support, "p-intl-law"), positions);
        }
    }

    [Fact]
    public void A_name_in_another_clause_before_the_list_does_not_join_it()
    {
        var positions = Positions("After Russia was criticised, Canada and Mexico stressed that international law applies in cyberspace.");
        Assert.Contains(("can", Stance.Support, "p-intl-law"), positions);
        Assert.Contains(("mex", Stance.Support, "p-intl-law"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "rus");
    }

    [Fact]
    public void An_office_set_off_by_commas_after_a_person_is_the_person_not_a_second_speaker()
    {
        var positions = Positions(
            "Amara Okafor, Director of the Example Institute, said that states must protect CERTs from attacks.");
        Assert.Contains(positions, p => p.Actor.StartsWith("person-", StringComparison.Ordinal) && p.Target == "gge-13k");
        Assert.DoesNotContain(positions, p => p.Actor.StartsWith("org-", StringComparison.Ordinal));
    }

    [Fact]
    public void These_states_in_the_next_paragraph_are_the_last_list_of_speakers()
    {
        var positions = Positions("Fiji, Ghana and Peru reaffirmed that international law applies in cyberspace.\n\nThese states also called for confidence-building measures.");
        Assert.Contains(("fji", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("gha", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("per", Stance.Support, "p-cbm"), positions);
    }

    [Fact]
    public void Speaking_also_on_behalf_of_a_list_gives_the_speaker_and_every_listed_state_the_position()
    {
        var positions = Positions("Ireland, speaking also on behalf of Austria and Switzerland, urged all States to respect international humanitarian law.");
        Assert.Contains(("irl", Stance.Support, "p-ihl"), positions);
        Assert.Contains(("aut", Stance.Support, "p-ihl"), positions);
        Assert.Contains(("che", Stance.Support, "p-ihl"), positions);
    }

    [Fact]
    public void A_speaker_after_a_fronted_on_behalf_of_is_not_a_holder()
    {
        var positions = Positions("Speaking on behalf of the Non-Aligned Movement, Iran called for a legally binding instrument.");
        Assert.DoesNotContain(positions, p => p.Actor == "irn");
        Assert.Contains(positions, p => p.Target == "p-binding-instrument" && p.Stance == Stance.Support);
    }

    [Fact]
    public void Speaking_for_a_group_is_speaking_on_its_behalf()
    {
        var positions = Positions("Speaking for the African Group, Nigeria warned against the militarisation of cyberspace.");
        Assert.Contains(("african-group", Stance.Support, "p-no-militarisation"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "nga");
    }

    [Fact]
    public void Also_speaking_for_a_group_keeps_the_speaker_among_the_holders()
    {
        var positions = Positions("The representative of Switzerland, also speaking for Austria, said international humanitarian law applied to cyber operations.");
        Assert.Contains(("che", Stance.Support, "p-ihl"), positions);
        Assert.Contains(("aut", Stance.Support, "p-ihl"), positions);
    }

    [Fact]
    public void A_participle_clause_or_an_office_is_not_a_discovered_organisation()
    {
        var graph = Extract("Briefing the Council, the representative of Kenya, Council President for the month, stressed the protection of CERTs.");
        Assert.DoesNotContain(graph.Actors, a => a.Id.StartsWith("org-", StringComparison.Ordinal));
        Assert.Contains(graph.Positions, p => p.ActorId == "ken" && p.TargetId == "gge-13k");
    }

    [Theory]
    [InlineData("Support for the programme of action came from France and Egypt.", Stance.Support, "p-poa")]
    [InlineData("Opposition to a new legally binding instrument came from France and Egypt.", Stance.Oppose, "p-binding-instrument")]
    [InlineData("The proposal for a peer review mechanism received the backing of France and Egypt.", Stance.Support, "p-review-mechanism")]
    [InlineData("There was broad support among delegations, notably from France and Egypt, for confidence-building measures.", Stance.Support, "p-cbm")]
    public void A_stance_given_as_a_noun_is_held_by_the_names_its_source_marker_introduces(string sentence, Stance stance, string target)
    {
        var positions = Positions(sentence);
        Assert.Contains(("fra", stance, target), positions);
        Assert.Contains(("egy", stance, target), positions);
    }

    [Fact]
    public void A_name_after_from_without_a_source_marker_holds_no_stance()
    {
        var positions = Positions("Concern about attacks from Russia on power grids grew during the session.");
        Assert.DoesNotContain(positions, p => p.Actor == "rus");
    }

    [Theory]
    [InlineData("Cuba's delegate rejected the applicability of international humanitarian law to cyberspace.", "cub")]
    [InlineData("Iraq\u2019s representative rejected the applicability of international humanitarian law to cyberspace.", "irq")]
    public void A_short_name_written_as_a_possessive_before_a_speaker_role_speaks(string sentence, string actor)
    {
        var positions = Positions(sentence);
        Assert.Contains((actor, Stance.Oppose, "p-ihl"), positions);
    }

    [Fact]
    public void Every_name_of_a_list_after_a_preposition_is_governed_by_it()
    {
        var positions = Positions("The programme of action, championed by France and Egypt, would help states implement agreed norms.");
        Assert.DoesNotContain(positions, p => p.Actor == "egy" && p.Stance == Stance.Support);
        Assert.Contains(("egy", Stance.Propose, "p-poa"), positions);
    }

    [Fact]
    public void A_fronted_phrase_with_a_list_leaves_the_subject_after_its_comma()
    {
        var positions = Positions("With Ukraine and Georgia, Estonia proposed new confidence-building measures.");
        Assert.Contains(("est", Stance.Propose, "p-cbm"), positions);
    }

    [Fact]
    public void A_speaker_after_a_quotation_may_carry_a_word_of_rank_before_a_demonym()
    {
        var positions = Positions("\"Attacks on hospitals must stop,\" said a senior Kenyan diplomat.");
        Assert.Contains(("ken", Stance.Support, "gge-13f"), positions);
    }

    [Fact]
    public void The_head_noun_of_a_body_named_before_refers_back_to_it()
    {
        var positions = Positions("The Cybersecurity Tech Accord met in May.\n\nThe Accord urged states to protect critical infrastructure.");
        Assert.Contains(("tech-accord", Stance.Support, "gge-13g"), positions);
    }

    [Fact]
    public void The_head_noun_of_a_state_s_name_refers_to_no_state()
    {
        var positions = Positions("The United States spoke first.\n\nThe States urged each other to protect critical infrastructure.");
        Assert.DoesNotContain(positions, p => p.Actor == "usa" && p.Target == "gge-13g");
    }

    [Fact]
    public void A_process_and_a_state_do_not_speak_in_one_list()
    {
        var positions = Positions("The fifth meeting of the first substantive session of the Open-Ended Working Group (OEWG) started and the "
            + "representative of Japan took the floor saying that cyberspace must not be a lawless zone. States should be bound by "
            + "international law in cyberspace.", date: "11 Sep 2019");
        Assert.Contains(("jpn", Stance.Support, "p-intl-law"), positions);
        Assert.DoesNotContain(positions, p => p.Actor != "jpn");
    }

    [Fact]
    public void Names_included_among_unnamed_speakers_are_the_speakers()
    {
        var positions = Positions("Several delegations, including those of Mexico and Chile, called for a legally binding instrument on State conduct in cyberspace.");
        Assert.Contains(("mex", Stance.Support, "p-binding-instrument"), positions);
        Assert.Contains(("chl", Stance.Support, "p-binding-instrument"), positions);
    }
}

