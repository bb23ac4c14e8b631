using NormsGraph.Core.Text;

namespace NormsGraph.Core.Tests.Text;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("militarisation", "militarization")]
    [InlineData("militarisation", "militarized")]
    [InlineData("vulnerabilities", "vulnerability")]
    [InlineData("behaviour", "behavior")]
    [InlineData("defence", "defense")]
    [InlineData("centre", "center")]
    [InlineData("called", "call")]
    [InlineData("stressed", "stresses")]
    [InlineData("Women’s", "women's")]
    [InlineData("multi-stakeholder", "multistakeholder")]
    [InlineData("Côte d’Ivoire", "Cote d'Ivoire")]
    [InlineData("Türkiye", "Turkiye")]
    public void Variants_share_one_stem(string a, string b) =>
        Assert.Equal(Tokenizer.Stems(a), Tokenizer.Stems(b));

    [Fact]
    public void Cyber_compounds_agree_however_they_are_written()
    {
        var joined = Tokenizer.Stems("cyberattacks");
        Assert.Equal(joined, Tokenizer.Stems("cyber-attack"));
        Assert.Equal(joined, Tokenizer.Stems("cyber attacks"));
    }

    [Fact]
    public void Tokens_keep_their_offsets_in_the_text()
    {
        const string text = "  Access Now stressed it.";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["Access", "Now", "stressed", "it"], tokens.Select(t => t.Surface));
        Assert.All(tokens, t => Assert.Equal(t.Surface, text[t.Start..t.End]));
    }

    [Fact]
    public void Legally_binding_stays_two_words() =>
        Assert.Equal(Tokenizer.Stems("legally binding"), Tokenizer.Stems("legally-binding"));
}
