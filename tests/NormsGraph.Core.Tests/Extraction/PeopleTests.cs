using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class PeopleTests
{
    [Fact]
    public void A_person_named_after_a_title_is_an_actor_and_the_title_refers_back_to_them()
    {
        var graph = Extract("""
            Deputy Minister of Digital Affairs Jana K. Novakova, Foreign Minister Tomas Berg, and others met in Vienna.

            The Deputy Minister stressed that international law applies in cyberspace.
            """);
        var person = Assert.Single(graph.Actors, a => a.Name == "Jana K. Novakova");
        Assert.Contains("Deputy Minister", person.Aliases);
        Assert.Contains(graph.Positions, p => p.ActorId == person.Id && p.TargetId == "p-intl-law" && p.Stance == Stance.Support);
    }

    [Fact]
    public void A_known_name_inside_a_title_stays_the_curated_actor()
    {
        var positions = Positions("Chief Legal Officer Brad Smith stressed that international law applies in cyberspace.");
        Assert.Contains(("microsoft", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_name_with_an_affiliation_is_a_person_who_speaks()
    {
        var positions = Positions("Jane Doe of Access Now stressed that international law applies in cyberspace.");
        Assert.Contains(("person-jane-doe", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void A_titled_person_s_affiliation_is_not_part_of_the_name()
    {
        var positions = Positions("Foreign Minister Ana Lopez of Peru stressed that international law applies in cyberspace.");
        Assert.Contains(("person-ana-lopez", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void An_office_of_a_state_is_no_person()
    {
        var positions = Positions("The Permanent Mission of Chile stressed that international law applies in cyberspace.");
        Assert.Contains(("chl", Stance.Support, "p-intl-law"), positions);
        Assert.DoesNotContain(positions, p => p.Actor.StartsWith("person-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_surname_that_shares_a_stem_with_a_known_organisation_is_not_that_organisation()
    {
        var graph = Extract("Professor Alan Brooks, an expert at the University of Leeds, argued that international humanitarian law applies to cyber operations.");
        Assert.DoesNotContain(graph.Actors, a => a.Id == "brookings");
        Assert.Contains(graph.Positions, p => p.ActorId == "person-alan-brooks" && p.TargetId == "p-ihl");
    }

    [Fact]
    public void A_role_with_lowercase_qualifiers_still_marks_a_person()
    {
        var graph = Extract("Maria Lopez, a senior policy analyst at Access Now, said the treaty would criminalise security research.");
        Assert.Contains(graph.Actors, a => a.Name == "Maria Lopez");
        Assert.Contains(graph.Positions, p => p.TargetId == "p-protect-researchers" && graph.Actors.Single(a => a.Id == p.ActorId).Name == "Maria Lopez");
    }

    [Fact]
    public void A_person_introduced_with_a_courtesy_title_is_later_named_by_surname_alone()
    {
        var graph = Extract("Dr. Lucas Kello argued for stronger norms.\n\nKello said that states should publish their national positions.");
        var person = Assert.Single(graph.Actors, a => a.Name == "Lucas Kello");
        Assert.Contains(graph.Positions, p => p.ActorId == person.Id && p.TargetId == "p-national-positions");
    }

    [Fact]
    public void A_person_in_a_list_of_speakers_is_later_named_by_full_name_without_a_title()
    {
        var graph = Extract("The session discussed the protection of civilians.\n\nSpeakers\n\nMs. Sarah Chen, CyberPeace Institute\n\n"
            + "Sarah Chen highlighted that ransomware attacks on hospitals put lives at risk.");
        var person = Assert.Single(graph.Actors, a => a.Name == "Sarah Chen");
        Assert.Contains(graph.Positions, p => p.ActorId == person.Id && p.TargetId == "gge-13f");
    }

    [Fact]
    public void A_headline_still_discovers_no_organisation_beside_a_titled_person()
    {
        var graph = Extract("The session discussed the protection of civilians.\n\nMs. Sarah Chen, Baltic Institute For Digital Peace\n\nThe session closed.");
        Assert.DoesNotContain(graph.Actors, a => a.Id.StartsWith("org-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_titled_person_after_an_opening_source_phrase_is_found_and_speaks()
    {
        var positions = Positions("According to Professor Anna Berg, international law applies in cyberspace.");
        Assert.Contains(("person-anna-berg", Stance.Support, "p-intl-law"), positions);
    }

    [Fact]
    public void After_an_opening_source_phrase_the_person_speaks_and_not_their_affiliation()
    {
        var positions = Positions("According to Professor Anna Berg of Some Institute of Policy, international law applies in cyberspace.");
        Assert.Contains(("person-anna-berg", Stance.Support, "p-intl-law"), positions);
        Assert.DoesNotContain(positions, p => p.Actor != "person-anna-berg");
    }

    [Fact]
    public void A_name_opening_an_entry_of_a_list_of_speakers_is_a_person_named_later_by_surname()
    {
        var graph = Extract("The panel discussed how attacks on civilian infrastructure could be prevented in future.\n\nSpeakers\n- Amaka Obi, Lagos Digital Rights Network\n- Representative of Microsoft\n\n"
            + "Discussion\n- Obi warned that attacks on hospitals put lives at risk.\n- She urged governments to protect health-care facilities.");
        var person = Assert.Single(graph.Actors, a => a.Name == "Amaka Obi");
        Assert.Contains(graph.Positions, p => p.ActorId == person.Id && p.TargetId == "gge-13f");
    }

    [Fact]
    public void An_organisation_opening_an_entry_of_a_list_of_speakers_is_no_person()
    {
        var graph = Extract("The panel discussed how attacks on civilian infrastructure could be prevented in future.\n\nSpeakers\n- Digital Rights Foundation, Pakistan\n- Access Now, Global\n\nThe session closed.");
        Assert.DoesNotContain(graph.Actors, a => a.Id.StartsWith("person-", StringComparison.Ordinal));
    }
}
