using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class ReportExtractorTests
{
    [Fact]
    public void Every_actor_of_a_list_gets_the_position()
    {
        var positions = Positions("Norway, Kenya and the EU and its member states confirmed that international law applies in cyberspace.");
        foreach (var actor in new[] { "nor", "ken", "eu" })
        {
            Assert.Contains((actor, Stance.Support, "p-intl-law"), positions);
        }
    }

    [Fact]
    public void A_group_introduced_with_including_gives_each_listed_state_the_position()
    {
        var positions = Positions("A group of like-minded states, including Belarus, Nicaragua and Syria, proposed a legally binding instrument.");
        foreach (var actor in new[] { "blr", "nic", "syr" })
        {
            Assert.Contains(positions, p => p.Actor == actor && p.Target == "p-binding-instrument");
        }
    }

    [Fact]
    public void A_pronoun_refers_to_the_last_named_actor_and_a_new_paragraph_resets_it()
    {
        var positions = Positions("""
            Ghana stressed the value of capacity building.
            They also called for protection of computer emergency response teams.

            They ignored the programme of action entirely.
            """);
        Assert.Contains(("gha", Stance.Support, "gge-13k"), positions);
        Assert.DoesNotContain(positions, p => p.Target == "p-poa");
    }

    [Fact]
    public void Its_member_states_is_not_a_reference_back()
    {
        var positions = Positions("""
            Japan opened the session.
            The EU and its member states reaffirmed support for a programme of action.
            """);
        Assert.Contains(("eu", Stance.Support, "p-poa"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "jpn" && p.Target == "p-poa");
    }

    [Theory]
    [InlineData("Cuba rejected a programme of action.", "cub", Stance.Oppose, "p-poa")]
    [InlineData("Cuba did not support a programme of action.", "cub", Stance.Oppose, "p-poa")]
    [InlineData("Egypt spoke out against the militarisation of cyberspace.", "egy", Stance.Support, "p-no-militarisation")]
    [InlineData("Egypt expressed deep concern about the militarisation of cyberspace.", "egy", Stance.Concern, "p-no-militarisation")]
    [InlineData("Peru put forward the idea of a legally binding instrument.", "per", Stance.Propose, "p-binding-instrument")]
    [InlineData("Peru urged states to protect CSIRTs from attacks.", "per", Stance.Support, "gge-13k")]
    public void The_verb_linking_actor_and_target_sets_the_stance(string sentence, string actor, Stance stance, string target) =>
        Assert.Contains((actor, stance, target), Positions(sentence));

    [Fact]
    public void A_concern_phrase_right_before_a_target_governs_it_whatever_verb_opened_the_clause()
    {
        var positions = Positions("Algeria underlined that there is no consensus on the applicability of international humanitarian law to cyberspace.");
        Assert.Contains(("dza", Stance.Concern, "p-ihl"), positions);
        var distant = Positions("Algeria stressed that concerns about terrorism, crime and extremism can never justify violations of human rights online.");
        Assert.Contains(distant, p => p.Actor == "dza" && p.Stance == Stance.Support && p.Target == "gge-13e");
    }

    [Fact]
    public void Backing_something_that_does_not_exist_yet_proposes_it() =>
        Assert.Contains(("fra", Stance.Propose, "p-review-mechanism"),
            Positions("France stressed that states should contribute to a dedicated peer review mechanism for norm implementation."));

    [Fact]
    public void A_name_after_a_preposition_is_not_the_speaker()
    {
        var positions = Positions("The attack on Estonia made it clear that international humanitarian law applies.");
        Assert.DoesNotContain(positions, p => p.Actor == "est");
    }

    [Fact]
    public void A_speaker_named_after_the_reporting_verb_holds_the_position() =>
        Assert.Contains(("pak", Stance.Concern, "p-no-militarisation"),
            Positions("An arms race in cyberspace was a growing danger, said the representative of Pakistan."));

    [Fact]
    public void A_representative_of_a_state_speaks_for_it() =>
        Assert.Contains(("idn", Stance.Support, "p-cbm"),
            Positions("The representative of Indonesia welcomed the directory of points of contact."));

    [Fact]
    public void On_behalf_of_a_group_the_group_holds_the_position_and_the_speaker_is_noted()
    {
        var graph = Extract("Azerbaijan, on behalf of the Non-Aligned Movement, stressed that the United Nations Charter applies in cyberspace.");
        var position = Assert.Single(graph.Positions, p => p.TargetId == "p-intl-law");
        Assert.Equal("non-aligned-movement", position.ActorId);
        Assert.Equal("aze", position.SpeakerId);
    }

    [Fact]
    public void Speaking_on_behalf_of_a_group_before_the_speaker_is_named_gives_the_group_the_position()
    {
        var graph = Extract("Speaking on behalf of the European Union, Germany said that states must respect international law in cyberspace.");
        var position = Assert.Single(graph.Positions, p => p.TargetId == "p-intl-law");
        Assert.Equal("eu", position.ActorId);
        Assert.Equal("deu", position.SpeakerId);
    }

    [Fact]
    public void According_to_names_the_speaker() =>
        Assert.Contains(Positions("According to Kenya, capacity building must follow the agreed capacity-building principles."),
            p => p.Actor == "ken" && p.Target == "p-ccb-principles");

    [Fact]
    public void The_agent_of_a_passive_authoring_verb_proposed_the_target() =>
        Assert.Contains(("gfce", Stance.Propose, "p-ccb-principles"),
            Positions("Delegates discussed the capacity-building principles developed by the GFCE."));

    [Fact]
    public void A_titled_person_is_resolved_to_the_full_name_given_elsewhere()
    {
        var graph = Extract("""
            Irene Example, Special Rapporteur on digital rights, opened the dialogue.
            Ms. Example called for a moratorium on the sale of spyware.
            """);
        var actor = Assert.Single(graph.Actors, a => a.Name == "Irene Example");
        Assert.False(actor.Curated);
        Assert.Equal(ActorType.UnBody, actor.Type);
        Assert.Contains(graph.Positions, p => p.ActorId == actor.Id && p.TargetId == "p-surveillance-moratorium");
    }

    [Fact]
    public void A_person_introduced_with_a_role_is_an_actor_and_the_surname_alone_refers_back()
    {
        var graph = Extract("""
            Amara Okafor, the UN Special Rapporteur on digital freedoms, opened the meeting in New York, where the chair welcomed her.
            Okafor called for a moratorium on the sale of spyware.
            """);
        var person = Assert.Single(graph.Actors, a => a.Name == "Amara Okafor");
        Assert.Equal(ActorType.UnBody, person.Type);
        Assert.DoesNotContain(graph.Actors, a => a.Name == "New York");
        Assert.Contains(graph.Positions, p => p.ActorId == person.Id && p.TargetId == "p-surveillance-moratorium");
    }

    [Fact]
    public void An_organisation_unknown_to_the_taxonomy_is_found_by_its_name_but_a_common_noun_phrase_is_not()
    {
        var graph = Extract("""
            The Baltic Institute for Digital Peace stressed that international humanitarian law applies to cyber operations.
            The international community stressed that international law applies.
            """);
        var actor = Assert.Single(graph.Actors, a => !a.Curated);
        Assert.Equal("Baltic Institute for Digital Peace", actor.Name);
        Assert.Equal(ActorType.CivilSociety, actor.Type);
        Assert.Contains(graph.Positions, p => p.ActorId == actor.Id && p.TargetId == "p-ihl");
    }

    [Fact]
    public void A_new_idea_outside_the_taxonomy_becomes_a_proposal_with_a_short_label()
    {
        var graph = Extract("Singapore proposed a regional cyber diplomacy training academy for junior diplomats, which others welcomed.");
        var proposal = Assert.Single(graph.Targets, t => t.Kind == TargetKind.Proposal);
        Assert.Equal("regional cyber diplomacy training academy for junior diplomats", proposal.Name);
        Assert.Contains(graph.Positions, p => p.ActorId == "sgp" && p.Stance == Stance.Propose && p.TargetId == proposal.Id);
    }

    [Fact]
    public void The_report_date_picks_the_round_of_a_shared_acronym()
    {
        Assert.Equal("oewg-2019-2021", Extract("The OEWG met for a long day of discussions.", "OEWG informal session", "12 Feb 2020").Process?.Id);
        Assert.Equal("oewg-2021-2025", Extract("The OEWG met for a long day of discussions.", "OEWG informal session", "12 Feb 2023").Process?.Id);
    }

    [Fact]
    public void Evidence_offsets_point_at_the_sentence_in_the_report_text()
    {
        var graph = Extract("Intro line without actors.\n\nKenya urged respect for the UN Charter in cyberspace.");
        var position = Assert.Single(graph.Positions);
        Assert.Equal(position.Evidence, graph.Report.Text.Substring(position.EvidenceStart, position.EvidenceLength));
        Assert.InRange(position.Confidence, 0.1, 1.0);
    }

    [Fact]
    public void Extraction_is_deterministic()
    {
        const string body = "Chile and Mexico urged protection of critical infrastructure. They also supported a programme of action.";
        Assert.Equal(Extract(body), Extract(body), new GraphComparer());
    }

    private sealed class GraphComparer : IEqualityComparer<ReportGraph>
    {
        public bool Equals(ReportGraph? x, ReportGraph? y) =>
            x!.Report == y!.Report && x.Positions.SequenceEqual(y.Positions) && x.Actors.Select(a => a.Id).SequenceEqual(y.Actors.Select(a => a.Id));

        public int GetHashCode(ReportGraph obj) => obj.Report.Id.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void A_demonym_before_a_two_word_head_names_the_state()
    {
        var positions = Positions("The Chinese foreign ministry stressed that international law applies in cyberspace.");
        Assert.Contains(("chn", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void The_african_union_s_peace_and_security_council_is_not_the_un_security_council()
    {
        var positions = Positions("The African Union Peace and Security Council endorsed a common position on the application of international law to cyberspace.");
        Assert.Contains(positions, p => p.Actor == "au-psc");
        Assert.DoesNotContain(positions, p => p.Actor == "unsc");
    }

    [Fact]
    public void A_reference_back_with_no_speaker_yet_means_the_one_actor_the_sentence_before_named()
    {
        var positions = Positions("Amnesty International released new findings on spyware. The rights group urged a moratorium on the sale of spyware.");
        Assert.Contains(("amnesty", Stance.Support, "p-surveillance-moratorium"), positions);
        var two = Positions("Amnesty International and Access Now released new findings on spyware. The rights group urged a moratorium on the sale of spyware.");
        Assert.DoesNotContain(two, p => p.Target == "p-surveillance-moratorium" && p.Actor is "amnesty" or "access-now");
    }
}

