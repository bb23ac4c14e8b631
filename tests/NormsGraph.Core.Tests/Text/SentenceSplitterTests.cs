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

    [Theory]
    [InlineData("Estonia said: \"States must not attack hospitals.\" Canada agreed.", "Estonia said: \"States must not attack hospitals.\"")]
    [InlineData("Estonia said: \u201cStates must not \u2018attack\u2019 hospitals.\u201d Canada agreed.", "Estonia said: \u201cStates must not \u2018attack\u2019 hospitals.\u201d")]
    [InlineData("Estonia spoke (on behalf of the Nordic states.) Canada agreed.", "Estonia spoke (on behalf of the Nordic states.)")]
    public void A_closing_quote_or_bracket_after_the_full_stop_ends_the_sentence_it_closes(string text, string first)
    {
        var sentences = SentenceSplitter.Split(text);

        Assert.Equal([first, "Canada agreed."], sentences.Select(s => s.Text));
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void A_run_without_a_sentence_end_is_cut_at_spaces_into_sentences_of_at_most_the_longest_length()
    {
        // A transcript without punctuation, or text whose markup ran it together: read as one sentence, extraction took
        // minutes (it compares the names of a sentence pairwise) and every position in it had it all as evidence.
        var words = Enumerable.Range(0, 40_000).Select(i => i % 7 == 0 ? "Germany" : i % 5 == 0 ? "infrastructure" : "and");
        var text = "Title line\n\nStates spoke first. " + string.Join(' ', words) + " end";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal("States spoke first.", sentences[1].Text);
        Assert.True(sentences.Count > 2);
        Assert.All(sentences, s => Assert.InRange(s.Length, 1, SentenceSplitter.MaxSentenceLength));
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
        Assert.All(sentences.Skip(2), s => Assert.True(text[s.Start - 1] == ' ' && s.Text[0] != ' ' && s.Text[^1] != ' '));
        Assert.Equal(string.Join(' ', words) + " end", string.Join(' ', sentences.Skip(2).Select(s => s.Text)));
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

    [Fact]
    public void Each_item_of_a_list_is_a_sentence_of_its_own()
    {
        var sentences = SentenceSplitter.Split("Discussion\n- a first point that runs on long enough to look like prose in a paragraph.\n"
            + "- she then added a second point, which also runs on for quite a while.\n1. a numbered point\n* a starred one");
        Assert.Equal(5, sentences.Count);
        Assert.StartsWith("- she", sentences[2].Text, StringComparison.Ordinal);
        Assert.Equal("* a starred one", sentences[4].Text);
    }

    [Fact]
    public void A_range_splits_as_its_substring_would_and_looks_at_nothing_outside_it()
    {
        // A wrapped line, an abbreviation, a list and a paragraph break inside the range; a header and a footer around it.
        const string text = "Title\nShort\nA long body line that keeps going well past sixty characters and\nwraps. Mr. Kaye agreed.\n\n"
            + "- a point\n- another point\n\nFooter: By Jane Doe";
        var from = text.IndexOf("A long", StringComparison.Ordinal);
        var to = text.IndexOf("\n\nFooter", StringComparison.Ordinal);
        var expected = SentenceSplitter.Split(text[from..to]);
        var ranged = SentenceSplitter.Split(text, from, to);
        Assert.Equal(expected, ranged);
        Assert.All(ranged, s => Assert.Equal(s.Text, text.Substring(from + s.Start, s.Length)));
    }

    [Fact]
    public void A_hyphen_inside_a_wrapped_line_does_not_start_an_item()
    {
        var sentences = SentenceSplitter.Split("This long line of prose keeps going well past sixty characters and then\nwraps - as prose does - onto the next line.");
        Assert.Single(sentences);
    }
}
