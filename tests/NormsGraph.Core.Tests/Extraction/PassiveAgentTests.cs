using NormsGraph.Core.Domain;
using static NormsGraph.Core.Tests.Extraction.ExtractionFixture;

namespace NormsGraph.Core.Tests.Extraction;

/// <summary>"…presented by France": the agent of a passive authoring verb proposed the target.</summary>
public sealed class PassiveAgentTests
{
    [Fact]
    public void A_few_words_may_stand_between_the_authoring_verb_and_by()
    {
        var positions = Positions("The main idea was a programme of action, presented in detail by Senegal.");
        Assert.Contains(("sen", Stance.Propose, "p-poa"), positions);
    }

    [Fact]
    public void A_process_named_by_the_target_itself_is_not_its_speaker()
    {
        var positions = Positions("The Programme of Action, welcomed by many, was presented in detail by Senegal.");
        Assert.DoesNotContain(positions, p => p.Actor == "un-poa");
    }

    [Fact]
    public void A_sentence_about_another_actor_s_proposal_does_not_carry_the_last_speaker()
    {
        var positions = Positions("Peru said it had questions. A programme of action, developed by Senegal, should be discussed next.");
        Assert.DoesNotContain(positions, p => p.Actor == "per" && p.Target == "p-poa");
        Assert.Contains(("sen", Stance.Propose, "p-poa"), positions);
    }

    [Fact]
    public void Supported_by_and_opposed_by_give_their_agents_that_stance()
    {
        var positions = Positions("A new legally binding instrument was opposed by the United States and rejected by Japan.");
        Assert.Contains(("usa", Stance.Oppose, "p-binding-instrument"), positions);
        Assert.Contains(("jpn", Stance.Oppose, "p-binding-instrument"), positions);
    }

    [Fact]
    public void Every_agent_of_a_list_after_by_takes_the_stance()
    {
        var positions = Positions("The programme of action, supported by France and Egypt, was discussed at length.");
        Assert.Contains(("fra", Stance.Support, "p-poa"), positions);
        Assert.Contains(("egy", Stance.Support, "p-poa"), positions);
    }
}
