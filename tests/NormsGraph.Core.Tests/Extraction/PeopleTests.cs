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
}
