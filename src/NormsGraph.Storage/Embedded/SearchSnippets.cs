using System.Numerics;
using System.Text;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The snippet FTS5 gives for a text, built without it: what <c>snippet(search_fts, 1, '[', ']', '…', 12)</c> returns for
/// a body matched by a search of prefix terms, character for character, so that a page answered by the in-memory index
/// shows the snippets FTS5 would have shown. FTS5 picks a window of twelve words: for each word that a term matches, the
/// window that centres the hits following it, and the window that starts at the sentence it is in; a window scores 1000
/// for each term it holds and 1 for each further hit, a sentence's window 100 more (120 for the text's first), and the
/// first best window wins. SearchSnippetsTests compare every case with SQLite's own snippet().
/// </summary>
internal static class SearchSnippets
{
    private const int Window = 12;
    private const char Ellipsis = '…';

    /// <summary>
    /// The snippet of <paramref name="body"/> for <paramref name="terms"/>: each term as the one token FTS5 makes of a
    /// search's word, matching the words it starts, and each its own phrase, as in <c>"responsible"* "disclosure"*</c>.
    /// </summary>
    public static string Of(string body, IReadOnlyList<string> terms)
    {
        // A bit for each phrase: a search has at most 16 words (EmbeddedSearch.Words).
        ArgumentOutOfRangeException.ThrowIfGreaterThan(terms.Count, 32);
        var words = Words(body, terms);
        var start = BestStart(words);
        return Render(body, words, start);
    }

    /// <summary>A word of the text: where it lies, the phrases that match it (a bit each), and whether a sentence starts at it.</summary>
    private readonly record struct Word(int Start, int End, uint Phrases, bool StartsSentence);

    private static List<Word> Words(string body, IReadOnlyList<string> terms)
    {
        var prefixes = terms.ToArray();
        var words = new List<Word>();
        SearchTokens.EachPlaced(body, (token, start, end) =>
        {
            var phrases = 0u;
            for (var i = 0; i < prefixes.Length; i++)
            {
                if (token.StartsWith(prefixes[i], StringComparison.Ordinal))
                {
                    phrases |= 1u << i;
                }
            }
            words.Add(new Word(start, end, phrases, words.Count == 0 || FollowsSentenceEnd(body, start)));
        });
        return words;
    }

    // FTS5's test: a period or colon, then at least one space, tab or line break. A question mark does not end a
    // sentence, nor a period right before the word ("3.14"). The marks are ASCII, so UTF-16 and FTS5's UTF-8 agree.
    private static bool FollowsSentenceEnd(string body, int start)
    {
        var i = start - 1;
        while (i >= 0 && body[i] is ' ' or '\t' or '\n' or '\r')
        {
            i--;
        }
        return i < start - 1 && i >= 0 && body[i] is '.' or ':';
    }

    /// <summary>
    /// The first word of the window FTS5 shows. It tries two windows for each matched word, in order, and keeps the
    /// first of the best: the one centred on the hits from that word to the last within twelve words (moved back so
    /// it does not end past the text), and, in a text longer than a window, the one that starts at the word's
    /// sentence, with a bonus. A text without a hit shows its start.
    /// </summary>
    private static int BestStart(List<Word> words)
    {
        var bestScore = 0;
        var best = 0;
        var sentence = 0;
        for (var at = 0; at < words.Count; at++)
        {
            if (words[at].StartsSentence)
            {
                sentence = at;
            }
            if (words[at].Phrases == 0)
            {
                continue;
            }
            var (score, lastHit) = Score(words, at);
            if (score > bestScore)
            {
                bestScore = score;
                // The hits' span centred in the window; C's division, which truncates, on a count that is never negative.
                var centred = at - ((Window - (lastHit + 1 - at)) / 2);
                best = Math.Max(0, Math.Min(centred, words.Count - Window));
            }
            if (words.Count > Window && sentence < at)
            {
                var sentenceScore = Score(words, sentence).Score + (sentence == 0 ? 120 : 100);
                if (sentenceScore > bestScore)
                {
                    bestScore = sentenceScore;
                    best = sentence;
                }
            }
        }
        return best;
    }

    /// <summary>The score of the window starting at <paramref name="first"/>, and its last hit.</summary>
    private static (int Score, int LastHit) Score(List<Word> words, int first)
    {
        var score = 0;
        var lastHit = -1;
        var seen = 0u;
        for (var at = first; at < words.Count && at < first + Window; at++)
        {
            var phrases = words[at].Phrases;
            if (phrases != 0)
            {
                score += (1000 * BitOperations.PopCount(phrases & ~seen)) + BitOperations.PopCount(phrases & seen);
                seen |= phrases;
                lastHit = at;
            }
        }
        return (score, lastHit);
    }

    /// <summary>
    /// The window's text as FTS5 copies it: from the window's first word (from the text's start when the window is
    /// there), each hit in brackets, to the end of its last word and an ellipsis, or to the text's end when the window
    /// reaches the last word. The brackets close right after each hit: this tokenizer never lets two words touch. FTS5
    /// cuts UTF-8 at byte offsets, this UTF-16 at char offsets, at the same code points: whole characters either way.
    /// </summary>
    private static string Render(string body, List<Word> words, int start)
    {
        var snippet = new StringBuilder();
        if (start > 0)
        {
            snippet.Append(Ellipsis);
        }
        var last = start + Window - 1;
        var copied = start == 0 ? 0 : words[start].Start;
        for (var at = start; at <= last && at < words.Count; at++)
        {
            var word = words[at];
            if (word.Phrases != 0)
            {
                snippet.Append(body, copied, word.Start - copied).Append('[').Append(body, word.Start, word.End - word.Start).Append(']');
                copied = word.End;
            }
        }
        if (last >= words.Count - 1)
        {
            return snippet.Append(body, copied, body.Length - copied).ToString();
        }
        return snippet.Append(body, copied, words[last].End - copied).Append(Ellipsis).ToString();
    }
}
