using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace NormsGraph.Core.Text;

/// <summary>
/// Splits text into words and normalises each one so that spelling and inflection variants meet:
/// case, accents, curly apostrophes, possessive 's, British/American -ise/-our, and Porter stemming.
/// Compounds are made to agree however they are written: "multi-stakeholder" and "multistakeholder"
/// join, "cyberattack" and "cyber-attack" split into "cyber" + "attack".
/// </summary>
public static class Tokenizer
{
    private static readonly string[] JoiningPrefixes = ["multi", "non", "co", "pre", "re", "anti", "counter", "inter", "sub", "trans", "e"];

    public static List<Token> Tokenize(string text, int offset = 0, int length = -1)
    {
        var end = length < 0 ? text.Length : offset + length;
        // Collected in a list reused by the thread and handed out at their exact size: a list grown as the words
        // come is regrown and copied for about half of all sentences, and most of its last array is left empty.
        var tokens = _scratch ??= new List<Token>(ScratchTokens);
        tokens.Clear();
        var i = offset;
        while (i < end)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < end && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < end && char.IsLetter(text[i + 1]))))
            {
                i++;
            }
            // "multi-stakeholder" is one word; "legally-binding" stays two.
            if (i + 1 < end && text[i] == '-' && IsWordChar(text[i + 1]) && IsJoiningPrefix(text.AsSpan(start, i - start)))
            {
                var surfaceStart = start;
                i++;
                while (i < end && IsWordChar(text[i]))
                {
                    i++;
                }
                var joined = text[surfaceStart..i].Replace("-", "", StringComparison.Ordinal);
                AddJoinedWord(tokens, text[surfaceStart..i], joined, surfaceStart, i);
                continue;
            }
            AddWord(tokens, text, start, i);
        }
        var exact = tokens.GetRange(0, tokens.Count);
        if (tokens.Capacity > MaxScratchTokens)
        {
            _scratch = null; // one very long text does not keep its list for the thread's life
        }
        return exact;
    }

    private const int ScratchTokens = 256;
    private const int MaxScratchTokens = 1 << 16;

    [ThreadStatic]
    private static List<Token>? _scratch;

    private static bool IsJoiningPrefix(ReadOnlySpan<char> word)
    {
        foreach (var prefix in JoiningPrefixes)
        {
            if (word.Equals(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Normalised stems of a phrase, the same way text is tokenised.</summary>
    public static string[] Stems(string phrase) => Tokenize(phrase).Select(t => t.Stem).ToArray();

    // Report vocabulary is small and repetitive, so each written form is folded and stemmed once per process;
    // the cache also hands back the word's string, so a known word costs no allocation (looked up by span).
    private const int MaxCachedWords = 500_000;
    private static readonly ConcurrentDictionary<string, NumberedStem[]> StemCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, NumberedStem[]>.AlternateLookup<ReadOnlySpan<char>> StemLookup =
        StemCache.GetAlternateLookup<ReadOnlySpan<char>>();

    // In front of the shared cache, each thread keeps the words it met in a plain dictionary: a lookup there costs
    // a fraction of a concurrent one, and every word of every sentence is looked up.
    private const int MaxThreadWords = 50_000;

    [ThreadStatic]
    private static ThreadWords? _threadWords;

    private static void AddWord(List<Token> tokens, string text, int start, int end)
    {
        var threadWords = _threadWords ??= new ThreadWords();
        var span = text.AsSpan(start, end - start);
        if (!threadWords.BySpan.TryGetValue(span, out var word, out var stems))
        {
            if (!StemLookup.TryGetValue(span, out word, out stems))
            {
                word = text[start..end];
                stems = Numbered(StemsOf(word));
                if (StemCache.Count < MaxCachedWords)
                {
                    StemCache.TryAdd(word, stems);
                }
            }
            if (threadWords.Words.Count >= MaxThreadWords)
            {
                threadWords.Words.Clear();
            }
            threadWords.Words[word] = stems;
        }
        foreach (var stem in stems)
        {
            tokens.Add(new Token(word, stem.Stem, start, end) { StemId = stem.Id });
        }
    }

    private static void AddJoinedWord(List<Token> tokens, string surface, string joined, int start, int end)
    {
        foreach (var stem in StemsOf(joined))
        {
            tokens.Add(new Token(surface, stem, start, end) { StemId = StemIds.Number(stem, always: false) });
        }
    }

    private static NumberedStem[] Numbered(string[] stems)
    {
        var numbered = new NumberedStem[stems.Length];
        for (var i = 0; i < stems.Length; i++)
        {
            numbered[i] = new NumberedStem(stems[i], StemIds.Number(stems[i], always: false));
        }
        return numbered;
    }

    private readonly record struct NumberedStem(string Stem, int Id);

    // The span lookup is made once per thread, not once per word (making it checks the comparer each time).
    private sealed class ThreadWords
    {
        public ThreadWords() => BySpan = Words.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, NumberedStem[]> Words { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, NumberedStem[]>.AlternateLookup<ReadOnlySpan<char>> BySpan { get; }
    }

    private static string[] StemsOf(string word)
    {
        var folded = Fold(word);
        return folded.Length > 6 && folded.StartsWith("cyber", StringComparison.Ordinal)
            ? ["cyber", Stem(folded[5..])]
            : [Stem(folded)];
    }

    internal static string Fold(string word)
    {
        var normalized = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c));
        }
        var folded = builder.ToString();
        if (folded.EndsWith("'s", StringComparison.Ordinal))
        {
            folded = folded[..^2];
        }
        return folded.Replace("'", "", StringComparison.Ordinal);
    }

    internal static string Stem(string word) => PorterStemmer.Stem(BritishToAmerican(word));

    private static string BritishToAmerican(string word)
    {
        if (word.Length < 6)
        {
            return word;
        }
        foreach (var (british, american) in SpellingPairs)
        {
            if (word.EndsWith(british, StringComparison.Ordinal) && word.Length - british.Length >= 3)
            {
                return string.Concat(word.AsSpan(0, word.Length - british.Length), american);
            }
        }
        return word;
    }

    private static readonly (string British, string American)[] SpellingPairs =
    [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"),
        ("ises", "izes"), ("ise", "ize"), ("yse", "yze"), ("ysed", "yzed"), ("ours", "ors"), ("our", "or"),
        ("ence", "ense"), ("tre", "ter"), ("tres", "ters"), ("ogue", "og"),
    ];

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018';
}
