using System.Buffers;

namespace NormsGraph.Core.Text;

/// <summary>
/// Splits text into paragraphs (blank lines) and sentences (terminal punctuation followed by a capital),
/// without breaking after abbreviations such as "Mr.", "e.g." or "U.S.".
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "art", "para", "paras", "e.g", "i.e", "etc",
        "vs", "cf", "al", "amb", "gen", "gov", "sen", "rep", "jr", "sr", "inc", "ltd", "co", "corp", "dept",
        "u.s", "u.k", "u.n", "h.e", "fig", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "op", "res", "doc",
    };

    /// <summary>The longest sentence, in characters; a longer run without a sentence end is cut at spaces.</summary>
    public const int MaxSentenceLength = 5000;

    // Sentences and paragraphs end only at these; the scan jumps from one to the next (vectorised).
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?;\n");

    public static List<Sentence> Split(string text) => Split(text, 0, text.Length);

    /// <summary>The sentences of <c>text[from..to]</c>, their starts counted from <paramref name="from"/>, as
    /// <see cref="Split(string)"/> gives them for that substring; a report's body is split without copying it out
    /// of the report's text. Nothing outside the range is looked at.</summary>
    public static List<Sentence> Split(string text, int from, int to)
    {
        var sentences = new List<Sentence>();
        var paragraph = 0;
        foreach (var (start, end) in Paragraphs(text, from, to))
        {
            SplitParagraph(text, start, end, paragraph++, from, sentences);
        }
        return sentences;
    }

    private static IEnumerable<(int Start, int End)> Paragraphs(string text, int from, int to)
    {
        var start = from;
        var i = from;
        while (i < to)
        {
            var newline = text.AsSpan(i, to - i).IndexOf('\n');
            if (newline < 0)
            {
                break;
            }
            i += newline;
            if (IsBlankLineAfter(text, i + 1, to, out var next))
            {
                yield return (start, i);
                start = next;
                i = next;
                continue;
            }
            i++;
        }
        yield return (start, to);
    }

    // True when the line starting at `from` is blank (the range ends at `to`); `next` is where the following
    // content starts.
    private static bool IsBlankLineAfter(string text, int from, int to, out int next)
    {
        var j = from;
        while (j < to && text[j] is ' ' or '\t' or '\r' or '\u00a0')
        {
            j++;
        }
        next = j < to && text[j] == '\n' ? j + 1 : from;
        return j >= to || text[j] == '\n';
    }

    // `rangeStart`: where the split range starts, from which sentence starts are counted and before which no line
    // begins.
    private static void SplitParagraph(string text, int start, int end, int paragraph, int rangeStart, List<Sentence> output)
    {
        var sentenceStart = SkipSpace(text, start, end);
        for (var i = sentenceStart; i < end; i++)
        {
            var skip = text.AsSpan(i, end - i).IndexOfAny(SentenceEnds);
            if (skip < 0)
            {
                break;
            }
            i += skip;
            if (!IsBoundary(text, sentenceStart, i, end, rangeStart, out var sentenceEnd))
            {
                continue;
            }
            Add(text, sentenceStart, sentenceEnd, paragraph, rangeStart, output);
            sentenceStart = SkipSpace(text, sentenceEnd, end);
            i = sentenceStart - 1;
        }
        Add(text, sentenceStart, end, paragraph, rangeStart, output);
    }

    // `sentenceEnd`: past the quotes and brackets that close the sentence ("…hospitals.” Canada agreed."), which belong
    // to it: the next sentence, and its evidence, started with them.
    private static bool IsBoundary(string text, int sentenceStart, int i, int end, int rangeStart, out int sentenceEnd)
    {
        var c = text[i];
        sentenceEnd = i + 1;
        if (c == ';')
        {
            return false; // clauses stay together: the subject of the first half speaks in the second
        }
        var next = i + 1;
        while (next < end && text[next] is '"' or '\'' or '\u2019' or '\u201d' or ')')
        {
            next++;
        }
        if (c != '\n')
        {
            sentenceEnd = next;
        }
        if (c == '\n')
        {
            // a single line break ends a sentence after a short line (a heading or list item), after a line that
            // ends a list item or opens a list (";", ":") and before a list item; after another long line it is
            // hard wrapping in a paragraph
            var lineStart = LineStart(text, i, rangeStart);
            var lastChar = text.AsSpan(lineStart, i - lineStart).TrimEnd();
            return i - lineStart < 60 || (lastChar.Length > 0 && lastChar[^1] is ';' or ':') || StartsListItem(text, SkipSpace(text, next, end), end);
        }
        if (next >= end)
        {
            return true;
        }
        if (!char.IsWhiteSpace(text[next]))
        {
            return false;
        }
        var after = SkipSpace(text, next, end);
        if (after >= end)
        {
            return true;
        }
        var first = text[after];
        if (text.AsSpan(next, after - next).Contains('\n') && StartsListItem(text, after, end))
        {
            return true; // "…a UN stamp.\n- She urged…": each item of a list is a sentence of its own
        }
        if (!(char.IsUpper(first) || char.IsDigit(first) || first is '"' or '\u2018' or '\u201c' or '\'' or '(' or '['))
        {
            return false;
        }
        return c != '.' || !EndsWithAbbreviation(text, sentenceStart, i);
    }

    // The start of the line that ends at the line break at `i`, not before `rangeStart`: the last line break before
    // it (the character just before `i` included, as LastIndexOf from i - 1 searches), else the range's start.
    private static int LineStart(string text, int i, int rangeStart)
    {
        var last = Math.Max(i - 1, rangeStart);
        var before = text.AsSpan(rangeStart, last - rangeStart + 1).LastIndexOf('\n');
        return before < 0 ? rangeStart : rangeStart + before + 1;
    }

    // "- ", "* ", "• ", "– ", "1. ", "2) ": the marker of a list item at the start of a line.
    private static bool StartsListItem(string text, int at, int end)
    {
        if (at + 1 < end && text[at] is '-' or '*' or '•' or '–' or '—' or '·')
        {
            return text[at + 1] == ' ';
        }
        var digits = at;
        while (digits < end && char.IsAsciiDigit(text[digits]) && digits - at < 3)
        {
            digits++;
        }
        return digits > at && digits + 1 < end && text[digits] is '.' or ')' && text[digits + 1] == ' ';
    }

    private static bool EndsWithAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] != '(')
        {
            wordStart--;
        }
        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial, as in "John F. Kennedy"
        }
        return Abbreviations.Contains(word.TrimEnd('.'));
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    private static void Add(string text, int start, int end, int paragraph, int rangeStart, List<Sentence> output)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        // A run without a sentence end (a transcript without punctuation, text its markup ran together) is cut at the
        // last space that keeps each piece within the longest length: as one sentence, extraction compared its names
        // pairwise for minutes, and each of its positions had all of it as evidence.
        while (end - start > MaxSentenceLength)
        {
            var cut = text.AsSpan(start, MaxSentenceLength + 1).LastIndexOf(' ');
            cut = cut > 0 ? start + cut : start + MaxSentenceLength - (char.IsHighSurrogate(text[start + MaxSentenceLength - 1]) ? 1 : 0);
            Add(text, start, cut, paragraph, rangeStart, output);
            start = SkipSpace(text, cut, end);
        }
        if (end <= start)
        {
            return;
        }
        output.Add(new Sentence(output.Count, paragraph, start - rangeStart, end - start, text[start..end]));
    }
}
