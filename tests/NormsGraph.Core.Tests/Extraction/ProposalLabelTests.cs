using NormsGraph.Core.Extraction;

namespace NormsGraph.Core.Tests.Extraction;

public sealed class ProposalLabelTests
{
    [Fact]
    public void A_proposal_is_labelled_by_its_words_after_the_cue()
    {
        Assert.Equal("global register of assistance requests", ProposalLabeler.Label(" a global register of assistance requests, which would help"));
    }

    [Theory]
    [InlineData(" in 2017, was adopted")]
    [InlineData(" last year.")]
    [InlineData(" at the March session")]
    public void A_time_or_a_meeting_is_no_proposal(string after)
    {
        Assert.Null(ProposalLabeler.Label(after));
    }
}
