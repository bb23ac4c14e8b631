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

    [Fact]
    public void Finds_phrases_in_tokens_made_without_the_tokenizer()
    {
        var matcher = new PhraseMatcher<string>();
        matcher.Add("critical infrastructure", "ci");
        // Tokens built by hand carry no stem number: the matcher must look their stems up by text.
        Token[] tokens = [new("Critical", "critic", 0, 8), new("infrastructures", "infrastructur", 9, 24)];
        Assert.Equal(Tokenizer.Stems("critical infrastructures"), tokens.Select(t => t.Stem));

        Assert.Equal(["ci"], matcher.FindAll(tokens).Select(m => m.Payload));
        Assert.Equal(["ci"], matcher.FindAll(tokens.ToList().AsReadOnly()).Select(m => m.Payload));
    }

    [Fact]
    public void Finds_a_phrase_whose_stems_were_numbered_after_many_others()
    {
        // Past the first 65,536 numbered stems a phrase's first stem is found through the trie's dictionary,
        // not its array: number that many first, so the phrase's new stems come after them.
        for (var i = 0; i < 70_000; i++)
        {
            StemIds.Number($"filler{i}");
        }
        var matcher = new PhraseMatcher<string>();
        matcher.Add("quokkaflight protocol", "late");
        matcher.Add("protocol", "early");

        var found = matcher.FindAll(Tokenizer.Tokenize("The quokkaflight protocol was adopted.")).Select(m => m.Payload);

        Assert.True(StemIds.Find(Tokenizer.Stems("quokkaflight")[0]) > 65_536);
        Assert.Equal(["late", "early"], found);
    }
}
