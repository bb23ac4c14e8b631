using NormsGraph.Core.Text;

namespace NormsGraph.Core.Tests.Text;

public sealed class PhraseMatcherTests
{
    [Fact]
    public void Finds_every_phrase_by_stems_including_overlaps()
    {
        var matcher = new PhraseMatcher<string>();
        matcher.Add("critical infrastructure", "ci");
        matcher.Add("protection of critical infrastructures", "protect-ci");
        matcher.Add("CERT", "cert");
        var tokens = Tokenizer.Tokenize("The protection of critical infrastructure and of CERTs matters.");
        var found = matcher.FindAll(tokens).Select(m => m.Payload).ToList();
        Assert.Equal(["protect-ci", "ci", "cert"], found);
    }

    [Fact]
    public void Does_not_match_a_phrase_cut_short()
    {
        var matcher = new PhraseMatcher<string>();
        matcher.Add("programme of action", "poa");
        Assert.Empty(matcher.FindAll(Tokenizer.Tokenize("a programme of work")));
    }
}
