using NormsGraph.Core.Text;

namespace NormsGraph.Core.Matching;

/// <summary>
/// Reads a phrase through a coordination of its modifiers: "national and regional positions" names national
/// positions, "critical national and international infrastructure" critical national infrastructure. For each
/// "A and B" (or "A or B") between two lowercase words, the tokens around it are matched again with "and B" left
/// out, and a hit that spans the gap is mapped back onto the sentence. The conjunction is matched as written, in
/// lowercase: a capitalised "And" opens a sentence and coordinates no modifiers.
/// </summary>
public static class CoordinatedModifiers
{
    private const int Before = 6;
    private const int After = 8;

    // Words that end or start a clause or a noun phrase, not a modifier a head noun can share.
    private static readonly HashSet<string> NotModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "to", "in", "on", "for", "with", "by", "at", "from", "that", "which", "who", "is", "are",
        "was", "were", "be", "its", "their", "it", "they", "this", "these", "those", "as", "not", "also", "other", "all",
    };

    /// <summary>The extra hits of <paramref name="matcher"/> that only a left-out coordinated modifier reveals.</summary>
    /// <remarks>Appended to <paramref name="extra"/>, which is usually the list of the plain hits.</remarks>
    public static void AddAll(TaxonomyPhraseMatcher matcher, IReadOnlyList<Token> tokens, List<PhraseHit> extra)
    {
        for (var i = 1; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Surface is not ("and" or "or") || !IsModifier(tokens[i - 1]) || !IsModifier(tokens[i + 1])
                || tokens[i + 1].Start == tokens[i + 2].Start)
            {
                continue;
            }
            var from = Math.Max(0, i - Before);
            var to = Math.Min(tokens.Count, i + 2 + After);
            // Lists reused by the thread: the window is matched at once and only the hits that span the gap are kept.
            var window = _window ??= new List<Token>(Before + After);
            window.Clear();
            for (var t = from; t < to; t++)
            {
                if (t != i && t != i + 1)
                {
                    window.Add(tokens[t]);
                }
            }
            var gap = i - from; // the window's index of the word after the left-out pair
            var windowHits = _windowHits ??= [];
            windowHits.Clear();
            matcher.AddAll(window, windowHits);
            foreach (var hit in windowHits)
            {
                if (hit.Start < gap && hit.End > gap)
                {
                    extra.Add(hit with { Start = from + hit.Start, End = from + hit.End + 2 });
                }
            }
        }
    }

    [ThreadStatic]
    private static List<Token>? _window;

    [ThreadStatic]
    private static List<PhraseHit>? _windowHits;

    private static bool IsModifier(Token token) =>
        token.Surface.Length > 2 && char.IsLower(token.Surface[0]) && !NotModifiers.Contains(token.Surface);
}
