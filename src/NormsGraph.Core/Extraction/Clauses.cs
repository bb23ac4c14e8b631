namespace NormsGraph.Core.Extraction;

/// <summary>
/// Splits a sentence into clauses at semicolons and at contrast words ("but", "while", "whereas",
/// "although", "however"), so that a stance, its negation and its target are read within one clause:
/// in "IHL applies, but it must not justify militarisation" the negation belongs to the second clause only.
/// </summary>
internal sealed class Clauses
{
    private static readonly HashSet<string> ContrastWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "but", "while", "whereas", "although", "though", "however", "yet", "whilst",
    };

    private readonly int[] _clauseOf;

    private Clauses(int[] clauseOf) => _clauseOf = clauseOf;

    public static Clauses Of(SentenceFacts facts)
    {
        var tokens = facts.Tokens;
        var clauseOf = new int[tokens.Count];
        var clause = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && StartsClause(facts, i))
            {
                clause++;
            }
            clauseOf[i] = clause;
        }
        return new Clauses(clauseOf);
    }

    /// <summary>The clause of token <paramref name="token"/>.</summary>
    public int this[int token] => _clauseOf.Length == 0 ? 0 : _clauseOf[Math.Clamp(token, 0, _clauseOf.Length - 1)];

    public bool Same(int left, int right) => this[left] == this[right];

    private static bool StartsClause(SentenceFacts facts, int i)
    {
        var gap = facts.TextBetween(i - 1, i);
        if (gap.IsEmpty)
        {
            return false; // two tokens of one written word
        }
        if (gap.Contains(';'))
        {
            return true;
        }
        // "while" after a comma, or opening the sentence's second half; "however" wherever it stands.
        var word = facts.Tokens[i].Surface;
        return ContrastWords.Contains(word) && (gap.Contains(',') || word is "but" or "whereas" or "however");
    }
}
