using NormsGraph.Core.Text;

namespace NormsGraph.Core.Matching;

/// <summary>
/// The content words of a text for lexical ranking: normalised stems (as phrase matching sees them) with
/// function words left out, each with the first surface form it had, for explanations.
/// </summary>
public static class MatchTerms
{
    // Function words carry no topic; the list is English grammar, not tuned to any statement.
    private static readonly HashSet<string> StopStems = new(
        Tokenizer.Tokenize(
            "a an the and or but nor of to in on at by for with from into onto over under about as than then " +
            "is are was were be been being am do does did done have has had having will would shall should can could may might must " +
            "it its this that these those there here which who whom whose what when where why how all any both each few more most other " +
            "some such no not only own same so too very just also per via its their them they we our us you your he she his her i me my " +
            "itself themselves ourselves upon within without between among through during before after above below again further once")
            .Select(t => t.Stem),
        StringComparer.Ordinal);

    public static IReadOnlyList<(string Stem, string Surface)> Of(string text)
    {
        var terms = new List<(string, string)>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (token.Stem.Length > 1 && !StopStems.Contains(token.Stem) && !token.Stem.All(char.IsAsciiDigit))
            {
                terms.Add((token.Stem, token.Surface));
            }
        }
        return terms;
    }
}
