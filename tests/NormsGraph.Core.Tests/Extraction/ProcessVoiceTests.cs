using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class ProcessVoiceTests
{
    private const string OewgTitle = "Third substantive session of the Open-Ended Working Group (OEWG)";

    [Fact]
    public void The_chair_of_the_process_speaks_as_an_actor_of_type_process()
    {
        var graph = Extract("The Chair stressed that international law applies in cyberspace.", title: OewgTitle, date: "14 Mar 2023");
        var chair = Assert.Single(graph.Actors, a => a.Type == ActorType.Process && a.Aliases.Contains("the Chair"));
        Assert.Equal("OEWG Chair", chair.Name);
        Assert.Contains(graph.Positions, p => p.ActorId == chair.Id && p.TargetId == "p-intl-law" && p.Stance == Stance.Support);
    }

    [Fact]
    public void A_document_of_the_chair_is_an_alias_of_the_chair()
    {
        var graph = Extract("The zero draft calls for protection of computer emergency response teams.", title: OewgTitle);
        var chair = Assert.Single(graph.Actors, a => a.Aliases.Contains("zero draft"));
        Assert.Contains(graph.Positions, p => p.ActorId == chair.Id && p.TargetId == "gge-13k");
    }

    [Fact]
    public void The_chair_of_a_group_is_that_groups_speaker()
    {
        var graph = Extract("The Chair of the African Group stressed that international law applies in cyberspace.", title: OewgTitle);
        Assert.DoesNotContain(graph.Actors, a => a.Id.StartsWith("chair-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_hosting_an_event_takes_no_position_on_its_topic()
    {
        var positions = Positions("The Human Rights Council this morning held a panel discussion on the protection of human rights online.");
        Assert.DoesNotContain(positions, p => p.Actor == "hrc");
    }

    [Fact]
    public void The_addressee_of_a_reporting_verb_is_not_the_speaker()
    {
        var positions = Positions("""
            Kenya opened the debate.
            "International law applies in cyberspace," she told the Security Council.
            """);
        Assert.DoesNotContain(positions, p => p.Actor == "unsc");
    }
}
