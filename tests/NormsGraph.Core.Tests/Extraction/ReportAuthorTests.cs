using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class ReportAuthorTests
{
    [Fact]
    public void A_title_in_which_an_organisation_speaks_makes_its_unattributed_sentences_its_positions()
    {
        var positions = Positions(
            "States must stop attacking hospitals and other critical infrastructure.",
            title: "Access Now statement to the Open-Ended Working Group");
        Assert.Contains(("access-now", Stance.Support, "gge-13f"), positions);
    }

    [Fact]
    public void A_meeting_report_titled_after_a_body_gives_that_body_no_unattributed_positions()
    {
        var positions = Positions(
            "States must stop attacking hospitals and other critical infrastructure.",
            title: "Human Rights Council discusses emerging technologies");
        Assert.Empty(positions);
    }

    [Fact]
    public void An_organisation_that_speaks_in_every_attributed_sentence_is_the_author_of_the_others()
    {
        var positions = Positions("""
            The application of international law in cyberspace is of utmost importance.

            Access Now has called for a human-centric approach since 2015. Access Now stressed the value of capacity building.
            Access Now urged states to protect CERTs from attacks.
            """);
        Assert.Contains(("access-now", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_headline_in_title_case_discovers_no_organisation()
    {
        var graph = Extract("The African Union Takes Significant Steps Towards Establishing A Common Position On International Law");
        Assert.DoesNotContain(graph.Actors, a => a.Id.StartsWith("org-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_named_after_a_known_organisation_speaks_as_that_organisation()
    {
        var positions = Positions("The African Union Commission on International Law stressed that international law applies in cyberspace.");
        Assert.Contains(("au", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_signed_text_in_the_first_person_is_the_signatory_s_voice()
    {
        var positions = Positions("""
            We see more and more attacks on hospitals. Our partners share that worry.

            We need to continue to work together on how international law applies in cyberspace.

            — Maria Lindqvist, Head of Cyber Policy
            """);
        Assert.Contains(("person-maria-lindqvist", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_signature_naming_a_known_organisation_makes_that_organisation_the_author()
    {
        var positions = Positions("""
            We call on all states to protect CERTs. Our work with national teams shows why.

            We need to continue to work together on how international law applies in cyberspace.

            — Peter Olsen, Access Now
            """);
        Assert.Contains(("access-now", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_reporter_s_byline_on_a_third_person_report_takes_no_position()
    {
        var positions = Positions("""
            The session discussed how international law applies in cyberspace. Several speakers took the floor.

            By Maria Lindqvist
            """);
        Assert.Empty(positions);
    }

    [Fact]
    public void A_body_the_title_speaks_to_is_not_what_a_reference_back_means()
    {
        var positions = Positions("It stressed that international law applies in cyberspace.", title: "Envoy tells Security Council about new threats");
        Assert.DoesNotContain(positions, p => p.Actor == "unsc");
    }

    [Fact]
    public void The_writer_of_a_signed_report_of_many_speakers_holds_only_what_it_says_in_the_first_person()
    {
        var positions = Positions("""
            Kenya said the debate was timely. Chile said so too. Japan welcomed the Chair.

            Capacity-building must be demand-driven. We need to continue to work together on how international law applies in cyberspace. We heard many views.

            — Maria Lindqvist, rapporteur
            """);
        Assert.Contains(("person-maria-lindqvist", Stance.Support, "p-intl-law"), positions);
        Assert.DoesNotContain(positions, p => p.Actor == "person-maria-lindqvist" && p.Target == "p-ccb-principles");
    }

    [Fact]
    public void A_first_person_sentence_of_an_analysis_is_the_writer_s_and_not_the_last_speaker_s()
    {
        var graph = ExtractFile("""
            Five years of voluntary norms

            Tomas Varga, Senior Fellow, Some Institute for Policy

            Brazil argued that capacity-building must be demand-driven. Kenya agreed. Japan and Chile stressed that international law applies.

            Japan also said that a binding treaty was premature. I do not believe a binding treaty would help either. In my view, we should protect critical infrastructure first.
            """, "analysis.txt");
        var positions = graph.Positions.Select(p => (p.ActorId, p.Stance, p.TargetId)).ToList();
        Assert.Contains(("person-tomas-varga", Stance.Oppose, "p-binding-instrument"), positions);
        Assert.DoesNotContain(positions, p => p.ActorId == "jpn" && p.TargetId == "gge-13g");
    }

    [Fact]
    public void A_first_person_text_that_names_one_organisation_as_its_speaker_is_that_organisations()
    {
        var positions = Positions("""
            Access Now welcomes the opportunity to contribute to this consultation.

            We urge states to ensure the meaningful participation of civil society.

            We are deeply concerned about the use of commercial spyware against journalists.
            """);
        Assert.Contains(("access-now", Stance.Support, "p-multistakeholder"), positions);
        Assert.Contains(positions, p => p.Actor == "access-now" && p.Target == "p-surveillance-moratorium");
    }

    [Fact]
    public void A_first_person_text_with_two_organisations_speaking_has_no_single_author()
    {
        var positions = Positions("""
            Access Now welcomes the opportunity to contribute. Human Rights Watch stressed the value of the consultation.

            We urge states to ensure the meaningful participation of civil society.

            We are deeply concerned about the use of commercial spyware against journalists.
            """);
        Assert.DoesNotContain(positions, p => p.Target == "p-multistakeholder");
    }

    [Fact]
    public void The_listed_signatories_of_a_joint_statement_hold_its_first_person_positions()
    {
        var positions = Positions("""
            We, the undersigned states, reaffirm our commitment to responsible state behaviour.

            We call on all states to protect CERTs from attacks.

            Signatories: Australia, Fiji, Japan and Norway.
            """, title: "Joint statement on incident response");
        foreach (var state in new[] { "aus", "fji", "jpn", "nor" })
        {
            Assert.Contains((state, Stance.Support, "gge-13k"), positions);
        }
    }

    [Fact]
    public void Signatories_listed_one_a_line_after_a_label_that_ends_a_sentence_are_the_authors()
    {
        var positions = Positions("""
            We call on all states to protect CERTs from attacks.

            This statement is endorsed by:

            - Chile
            - Ghana
            - the Netherlands
            """, title: "Joint statement on incident response");
        foreach (var state in new[] { "chl", "gha", "nld" })
        {
            Assert.Contains((state, Stance.Support, "gge-13k"), positions);
        }
    }

    [Fact]
    public void In_a_first_person_statement_names_alone_after_a_colon_are_its_signatories()
    {
        var positions = Positions("""
            The following states join this statement: Chile, Ghana and the Netherlands.

            We call on all states to protect CERTs from attacks. We will continue to work together.
            """, title: "Joint statement on incident response");
        foreach (var state in new[] { "chl", "gha", "nld" })
        {
            Assert.Contains((state, Stance.Support, "gge-13k"), positions);
        }
    }

    [Fact]
    public void In_a_meeting_report_a_list_of_speakers_after_a_colon_makes_no_authors()
    {
        var positions = Positions("""
            Speakers: Chile, Ghana and the Netherlands.

            States should protect CERTs from attacks, the moderator said.
            """, title: "IGF session on incident response");
        Assert.DoesNotContain(positions, p => p.Actor is "chl" or "gha" or "nld");
    }

    [Fact]
    public void A_label_without_a_list_of_names_after_it_makes_no_authors()
    {
        var positions = Positions("""
            We call on all states to protect CERTs from attacks.

            Supported by:

            The secretariat thanks Chile for hosting the meeting.
            """, title: "Joint statement on incident response");
        Assert.DoesNotContain(positions, p => p.Actor == "chl");
    }

    [Fact]
    public void States_named_in_apposition_to_an_opening_we_are_the_authors_of_the_later_first_person_sentences()
    {
        var positions = Positions("""
            We, the governments of Austria, Belgium and Finland, note with concern the sale of intrusion tools.

            We encourage industry to respect the UN Guiding Principles on Business and Human Rights.
            """, title: "Joint statement on intrusion tools");
        foreach (var state in new[] { "aut", "bel", "fin" })
        {
            Assert.Contains((state, Stance.Support, "p-ungp-business"), positions);
        }
    }

    [Fact]
    public void A_sentence_that_reports_unnamed_speakers_is_not_the_authors_view()
    {
        var positions = Positions("""
            We call on all states to protect CERTs from attacks.

            Some delegations have argued that a new legally binding instrument is needed.
            Western states have championed confidence-building measures.
            Others must stop attacking hospitals.
            """, title: "Access Now statement to the Open-Ended Working Group");
        Assert.DoesNotContain(positions, p => p.Target is "p-binding-instrument" or "p-cbm");
        Assert.Contains(("access-now", Stance.Support, "gge-13f"), positions);
    }

    [Fact]
    public void The_items_of_a_list_that_a_first_person_sentence_opens_are_the_authors_positions()
    {
        var positions = Positions("""
            We welcome the chance to contribute.

            We recommend that states:

            protect security researchers from criminal prosecution;
            ensure meaningful participation of civil society in the future mechanism;
            apply a human rights-based approach to capacity building.
            """, title: "Access Now submission to the OEWG");
        Assert.Contains(("access-now", Stance.Support, "p-protect-researchers"), positions);
        Assert.Contains(("access-now", Stance.Support, "p-multistakeholder"), positions);
        Assert.Contains(("access-now", Stance.Support, "p-human-centric"), positions);
    }

    [Fact]
    public void A_named_actor_that_opens_a_list_speaks_its_items_and_only_the_next_paragraphs()
    {
        var positions = Positions("""
            The Global Commission on the Stability of Cyberspace made the following points:

            the public core of the internet must be protected;
            states should not develop offensive capabilities.

            Delegates then discussed the budget. Confidence-building measures should be funded.
            """, title: "Session summary");
        Assert.Contains(("gcsc", Stance.Support, "gcsc-1"), positions);
        Assert.Contains(("gcsc", Stance.Support, "p-no-militarisation"), positions);
        Assert.DoesNotContain(positions, p => p.Target == "p-cbm");
    }

    [Fact]
    public void A_named_actor_that_opens_an_html_list_speaks_every_item()
    {
        var graph = ExtractFile("""
            <html><body><h1>Session summary</h1><p>14 Mar 2023</p>
            <p>The Global Commission on the Stability of Cyberspace made the following points:</p>
            <ul><li>the public core of the internet must be protected;</li><li>states should not develop offensive capabilities.</li></ul>
            <p>Delegates then discussed the budget. Confidence-building measures should be funded.</p>
            </body></html>
            """, "summary.html");
        var positions = graph.Positions.Select(p => (p.ActorId, p.Stance, p.TargetId)).ToList();
        Assert.Contains(("gcsc", Stance.Support, "gcsc-1"), positions);
        Assert.Contains(("gcsc", Stance.Support, "p-no-militarisation"), positions);
        Assert.DoesNotContain(positions, p => p.TargetId == "p-cbm");
    }

    [Fact]
    public void An_analysis_that_names_itself_speaks_in_its_authors_voice()
    {
        var positions = Positions("""
            This paper argues that the permanent mechanism should build on confidence-building measures.
            The author recommends a dedicated thematic group on international law in cyberspace.

            By Jane Example, Access Now
            """, title: "What comes after the OEWG");
        Assert.Contains(("access-now", Stance.Support, "p-cbm"), positions);
        Assert.Contains(("access-now", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_body_that_a_title_says_holds_a_debate_is_not_its_author()
    {
        var positions = Positions("Ransomware attacks on hospitals must stop, and states should protect CERTs.",
            title: "Security Council Holds Open Debate on Cyber Threats to International Peace");
        Assert.DoesNotContain(positions, p => p.Actor == "unsc");
    }

    [Fact]
    public void A_markdown_section_headed_by_a_speaker_gives_its_points_to_that_speaker()
    {
        var graph = MarkdownPositions("""
            # Session summaries

            Date: 8 July 2024

            Delegations spoke on the norms in the order below.

            ## Brazil

            - Stressed the importance of confidence-building measures.
            - Opposed a new legally binding instrument at this stage.

            ## Kenya

            - Highlighted the protection of CERTs.
            """);
        Assert.Contains(("bra", Stance.Support, "p-cbm"), graph);
        Assert.Contains(("bra", Stance.Oppose, "p-binding-instrument"), graph);
        Assert.Contains(("ken", Stance.Support, "gge-13k"), graph);
        Assert.DoesNotContain(graph, p => p.Actor == "ken" && p.Target == "p-cbm");
    }

    [Fact]
    public void In_an_own_voice_text_a_plain_claim_about_a_norm_is_the_authors()
    {
        var positions = Positions("International humanitarian law protects medical facilities in armed conflict, and this protection extends to cyberspace.",
            title: "Access Now statement on hospitals and cyber operations");
        Assert.Contains(("access-now", Stance.Support, "p-ihl"), positions);
    }

    [Fact]
    public void A_national_statement_that_names_its_author_states_the_authors_view_without_a_stance_verb()
    {
        var positions = Positions("It is Canada's view that international humanitarian law applies to cyber operations in armed conflict.",
            title: "Canada's national statement on international law in cyberspace");
        Assert.Contains(("can", Stance.Support, "p-ihl"), positions);
    }

    [Fact]
    public void A_meeting_report_does_not_give_a_named_state_a_position_without_a_stance_verb()
    {
        var positions = Positions("It is Canada's view that international humanitarian law applies to cyber operations in armed conflict.",
            title: "OEWG session on international law");
        Assert.DoesNotContain(positions, p => p.Actor == "can");
    }

    [Fact]
    public void An_analysis_with_a_byline_of_fields_speaks_through_its_unattributed_prescriptions()
    {
        var graph = ExtractFile("""
            What the new cyber forum should deliver

            Tomas Varga | Research Fellow, Access Now | 2 May 2026

            The forum meets next month for the first time. Its agenda is long.

            States should protect their critical infrastructure. Capacity-building must be demand-driven.

            Russia keeps asking for a binding treaty instead.
            """, "analysis.txt");
        var positions = graph.Positions.Select(p => (p.ActorId, p.Stance, p.TargetId)).ToList();
        Assert.Contains(("access-now", Stance.Support, "p-ccb-principles"), positions);
        Assert.DoesNotContain(positions, p => p.ActorId == "access-now" && p.TargetId == "p-binding-instrument");
    }

    [Fact]
    public void A_reporter_s_byline_on_a_report_without_prescriptions_of_its_own_takes_no_position()
    {
        var graph = ExtractFile("""
            Talks on a cyber forum stall

            Tomas Varga | Reuters | 2 May 2026

            Diplomats met in Geneva this week. Capacity-building must be demand-driven, Kenya said.

            Brazil said that international law applies in cyberspace.
            """, "news.txt");
        Assert.DoesNotContain(graph.Positions, p => p.ActorId.StartsWith("person-", StringComparison.Ordinal) || p.ActorId == "reuters");
        Assert.Contains(graph.Positions, p => p.ActorId == "ken" && p.TargetId == "p-ccb-principles");
    }

    [Fact]
    public void A_process_s_description_in_an_own_voice_text_is_not_the_author_s_claim()
    {
        var positions = Positions(
            "The OEWG is mandated to discuss a legally binding instrument. The OEWG should protect critical infrastructure.",
            title: "Access Now statement to the Open-Ended Working Group");
        Assert.DoesNotContain(positions, p => p.Actor == "access-now" && p.Target == "p-binding-instrument");
        Assert.Contains(("access-now", Stance.Support, "gge-13g"), positions);
    }

    [Fact]
    public void A_title_naming_the_statement_first_and_then_its_author_makes_the_author_speak()
    {
        var positions = Positions("Chair, my delegation attaches great importance to the points of contact directory.",
            title: "Statement by the Republic of Kenya");
        Assert.Contains(("ken", Stance.Support, "p-cbm"), positions);
    }

    [Fact]
    public void A_title_about_a_statement_on_a_state_does_not_make_the_state_speak()
    {
        var positions = Positions("States must stop attacking hospitals and other critical infrastructure.",
            title: "Statement on Kenya");
        Assert.DoesNotContain(positions, p => p.Actor == "ken");
    }

    [Fact]
    public void A_header_byline_names_its_writer_without_the_word_by()
    {
        var graph = ExtractFile("Why the Global Mechanism needs a review process\nBy Daniel Kim, Senior Fellow, Some Institute\n12 June 2026\n\n"
            + "In my view, a voluntary peer review of national implementation would help more than another declaration. "
            + "I also think that smaller States need help to publish their national positions.", "analysis.txt");
        var writer = Assert.Single(graph.Actors, a => a.Name == "Daniel Kim");
        Assert.Contains(graph.Positions, p => p.ActorId == writer.Id && p.TargetId == "p-review-mechanism");
        Assert.DoesNotContain(graph.Actors, a => a.Name.StartsWith("By ", StringComparison.Ordinal));
    }
}

