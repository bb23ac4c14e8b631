using System.Text;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The words of a text as FTS5's tokenizer of <c>search_fts</c> (<c>unicode61 remove_diacritics 2</c>) cuts them: runs of
/// what it counts as letters, numbers and private-use characters, case-folded, with diacritics taken off letters whose
/// base is a Latin letter, and the combining marks it counts as diacritics dropped inside a word. Every other character
/// ends a word. What each code point is comes from <see cref="SearchTokenTable"/>, read off SQLite: SQLite's classes
/// are from an older Unicode than .NET's, and cutting by .NET's categories and casing split, joined or folded words
/// differently wherever the two disagree. The in-memory index (<see cref="SearchIndex"/>) must cut a text exactly as
/// the FTS5 index does, or a search would answer differently by the path it took; SearchTokensTests compares the two
/// on every code point and on texts in many scripts, through SQLite's own tokenizer.
/// </summary>
internal static class SearchTokens
{
    public delegate void TokenHandler(ReadOnlySpan<char> token);

    public delegate void PlacedTokenHandler(ReadOnlySpan<char> token, int start, int end);

    // What each code point of the Basic Multilingual Plane becomes in a word: 0 when it ends one, Dropped when it is
    // dropped from it, else its folded form (SQLite folds none across planes). Looking each character up in the table
    // of ranges cost indexing a binary search per character.
    private const char Dropped = '\uFFFF';
    private static readonly char[] Bmp = BuildBmp();

    /// <summary>The tokens of <paramref name="text"/>, folded, as FTS5 cuts them.</summary>
    public static void Each(string text, TokenHandler onToken) => EachPlaced(text, (token, _, _) => onToken(token));

    /// <summary>
    /// The tokens of <paramref name="text"/>, each with the characters of the text it was made of,
    /// <paramref name="text"/>[start..end], where FTS5 places it: from its first letter (a diacritic does not start a
    /// word) to the end of its last letter or dropped diacritic. It reads a char at a time and decodes a surrogate pair
    /// only where one is: <see cref="Each"/> went through it three times faster than over the text's runes (20,000
    /// reports' search documents: 65 against 204 ms).
    /// </summary>
    public static void EachPlaced(string text, PlacedTokenHandler onToken)
    {
        var chunk = new char[256];
        var length = 0;
        var start = -1;
        var end = 0;
        for (var at = 0; at < text.Length;)
        {
            // A character of the Basic Multilingual Plane folds to at most one; a surrogate pair is decoded and looked up.
            var ch = text[at];
            int consumed;
            char folded;
            char second = '\0';
            if (!char.IsSurrogate(ch))
            {
                consumed = 1;
                folded = Bmp[ch];
            }
            else
            {
                Rune.DecodeFromUtf16(text.AsSpan(at), out var rune, out consumed);
                folded = FoldAstral(rune, out second);
            }
            if (folded == 0)
            {
                if (start >= 0)
                {
                    onToken(chunk.AsSpan(0, length), start, end);
                    start = -1;
                    length = 0;
                }
            }
            else if (folded != Dropped || start >= 0)
            {
                if (start < 0)
                {
                    start = at;
                }
                if (folded != Dropped)
                {
                    if (length + 2 > chunk.Length)
                    {
                        Array.Resize(ref chunk, chunk.Length * 2);
                    }
                    chunk[length++] = folded;
                    if (second != 0)
                    {
                        chunk[length++] = second;
                    }
                }
                end = at + consumed;
            }
            at += consumed;
        }
        if (start >= 0)
        {
            onToken(chunk.AsSpan(0, length), start, end);
        }
    }

    // What a character beyond the Basic Multilingual Plane (or an unpaired surrogate, read as U+FFFD) makes in a word,
    // in the terms of Bmp: 0 when it ends one, Dropped when it is dropped, else its folded form, a pair when it is one.
    private static char FoldAstral(Rune rune, out char second)
    {
        second = '\0';
        if (rune.IsBmp)
        {
            return Bmp[rune.Value];
        }
        var kind = KindOf(rune.Value);
        if (kind == SearchTokenTable.S)
        {
            return '\0';
        }
        if (kind == SearchTokenTable.D)
        {
            return Dropped;
        }
        var folded = new Rune(rune.Value + kind);
        if (folded.IsBmp)
        {
            return (char)folded.Value;
        }
        Span<char> pair = stackalloc char[2];
        folded.EncodeToUtf16(pair);
        second = pair[1];
        return pair[0];
    }

    /// <summary>The tokens of <paramref name="text"/> as strings: for query words and tests, not for indexing documents.</summary>
    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        Each(text, t => tokens.Add(t.ToString()));
        return tokens;
    }

    /// <summary>What the table says of <paramref name="codePoint"/>: <see cref="SearchTokenTable.S"/>, <see cref="SearchTokenTable.D"/>, or what folding adds to it.</summary>
    public static int KindOf(int codePoint)
    {
        var ranges = SearchTokenTable.Ranges;
        var low = 0;
        var high = (ranges.Length / 2) - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (ranges[2 * middle] <= codePoint)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return ranges[(2 * low) + 1];
    }

    private static char[] BuildBmp()
    {
        var bmp = new char[0x10000];
        for (var c = 0; c < bmp.Length; c++)
        {
            var kind = KindOf(c);
            bmp[c] = kind switch
            {
                SearchTokenTable.S => '\0',
                SearchTokenTable.D => Dropped,
                _ => (char)(c + kind),
            };
        }
        return bmp;
    }
}
