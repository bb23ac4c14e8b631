using NormsGraph.Core.Text;

namespace NormsGraph.Core.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Splits_on_terminal_punctuation_followed_by_a_capital()
    {
        var sentences = SentenceSplitter.Split("Chile spoke first. Then Mexico agreed! Was it enough? Yes.");
        Assert.Equal(["Chile spoke first.", "Then Mexico agreed!", "Was it enough?", "Yes."], sentences.Select(s => s.Text));
    }

    [Fact]
    public void Does_not_split_after_abbreviations_and_initials()
    {
        var sentences = SentenceSplitter.Split("Mr. Kaye met the U.S. delegation, e.g. its chief. John F. Kennedy was not there.");
        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("Mr. Kaye", sentences[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_start_a_new_paragraph_and_offsets_point_into_the_text()
    {
        const string text = "First paragraph here.\n\nSecond one. Still second.";
        var sentences = SentenceSplitter.Split(text);
        Assert.Equal([0, 1, 1], sentences.Select(s => s.Paragraph));
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Lowercase_after_a_full_stop_continues_the_sentence()
    {
        var sentences = SentenceSplitter.Split("It costs approx. five dollars. Fine.");
        Assert.Equal(2, sentences.Count);
    }
}
