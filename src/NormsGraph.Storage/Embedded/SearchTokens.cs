using System.Globalization;
using System.Text;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The words of a text as FTS5's tokenizer of <c>search_fts</c> (<c>unicode61 remove_diacritics 2</c>) cuts them: runs of
/// letters, numbers and private-use characters, case-folded, with diacritics taken off letters whose base is a Latin
/// letter, and combining diacritical marks (U+0300–U+036F) dropped inside a word. Every other character ends a word,
/// other combining marks included. The in-memory index (<see cref="SearchIndex"/>) must cut a text exactly as the FTS5
/// index does, or a search would answer differently by the path it took; SearchTokensTests compares the two on texts in
/// many scripts, through SQLite's own tokenizer.
/// </summary>
internal static class SearchTokens
{
    public delegate void TokenHandler(ReadOnlySpan<char> token);

    public static void Each(string text, TokenHandler onToken)
    {
        Span<char> folded = stackalloc char[2];
        var chunk = new char[256];
        var length = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (IsWordCategory(category))
            {
                var written = Fold(rune, folded);
                if (length + written > chunk.Length)
                {
                    Array.Resize(ref chunk, chunk.Length * 2);
                }
                folded[..written].CopyTo(chunk.AsSpan(length));
                length += written;
            }
            else if (IsCombiningDiacritic(rune))
            {
                // Part of the word, and removed from it.
            }
            else if (length > 0)
            {
                onToken(chunk.AsSpan(0, length));
                length = 0;
            }
        }
        if (length > 0)
        {
            onToken(chunk.AsSpan(0, length));
        }
    }

    /// <summary>The tokens of <paramref name="text"/> as strings: for query words and tests, not for indexing documents.</summary>
    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        Each(text, t => tokens.Add(t.ToString()));
        return tokens;
    }

    private static bool IsWordCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    private static bool IsCombiningDiacritic(Rune rune) => rune.Value is >= 0x0300 and <= 0x036F;

    /// <summary>
    /// Simple case folding, then the Latin base letter when the folded letter decomposes into one and diacritics.
    /// Folding is lower case of upper case, which also folds final sigma, long s and the Greek symbol variants.
    /// </summary>
    private static int Fold(Rune rune, Span<char> destination)
    {
        if (rune.Value < 0x80)
        {
            destination[0] = (char)(rune.Value is >= 'A' and <= 'Z' ? rune.Value + 32 : rune.Value);
            return 1;
        }
        var folded = Rune.ToLowerInvariant(Rune.ToUpperInvariant(rune));
        if (LatinBase(folded) is { } latin)
        {
            destination[0] = latin;
            return 1;
        }
        return folded.EncodeToUtf16(destination);
    }

    // The Latin base letter of each folded letter up to U+1EFF (the end of Latin Extended Additional), or 0: decomposing a
    // letter for each character of a text was most of the cost of indexing one.
    private static readonly char[] LatinBases = BuildLatinBases();

    private static char? LatinBase(Rune rune) =>
        rune.Value < LatinBases.Length && LatinBases[rune.Value] != 0 ? LatinBases[rune.Value] : null;

    private static char[] BuildLatinBases()
    {
        var bases = new char[0x1F00];
        for (var c = 0x80; c < bases.Length; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }
            var decomposed = ((char)c).ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length >= 2 && char.IsAsciiLetter(decomposed[0]) && decomposed.AsSpan(1).IndexOfAnyExceptInRange('\u0300', '\u036F') < 0)
            {
                bases[c] = char.ToLowerInvariant(decomposed[0]);
            }
        }
        return bases;
    }
}
