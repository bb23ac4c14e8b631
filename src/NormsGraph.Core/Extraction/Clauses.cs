using System.Collections.Frozen;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// Splits a sentence into clauses at semicolons and at contrast words ("but", "while", "whereas",
/// "although", "however"), so that a stance, its negation and its target are read within one clause:
/// in "IHL applies, but it must not justify militarisation" the negation belongs to the second clause only.
/// </summary>
internal sealed class Clauses
{
    // Looked up for nearly every token of every sentence read for a stance: frozen sets turn most words away by
    // their length before hashing them.
    private static readonly FrozenSet<string> ContrastWords = new[]
    {
        "but", "while", "whereas", "although", "though", "however", "yet", "whilst",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Words that open a clause conceding something the rest of the sentence sets against it.
    private static readonly FrozenSet<string> ConcessionWords = new[]
    {
        "while", "whilst", "although", "though", "whereas",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private readonly int[] _clauseOf;
    private readonly bool[] _concession;

    private Clauses(int[] clauseOf, bool[] concession)
    {
        _clauseOf = clauseOf;
        _concession = concession;
    }

    public static Clauses Of(SentenceFacts facts)
    {
        var tokens = facts.Tokens;
        var clauseOf = new int[tokens.Count];
        var concession = new List<bool>();
        var clause = 0;
        var openingEnd = OpeningConcessionEnd(facts);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && (i == openingEnd || StartsClause(facts, i)))
            {
                clause++;
            }
            if (concession.Count == clause)
            {
                concession.Add(ConcessionWords.Contains(tokens[i].Surface));
            }
            clauseOf[i] = clause;
        }
        return new Clauses(clauseOf, [.. concession]);
    }

    // "While IHL may apply in armed conflict, Cuba warned…": a sentence that opens with a concession holds it up
    // to the comma before the main clause's verb (the last comma before the first stance verb after a comma).
    private static int OpeningConcessionEnd(SentenceFacts facts)
    {
        var tokens = facts.Tokens;
        if (tokens.Count == 0 || !ConcessionWords.Contains(tokens[0].Surface))
        {
            return -1;
        }
        var end = -1;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (end > 0 && facts.CueStartsAt(i))
            {
                break;
            }
            if (facts.TextBetween(i - 1, i).Contains(','))
            {
                end = i;
            }
        }
        return end;
    }

    /// <summary>Whether token <paramref name="token"/> stands in a clause opened by "while", "although"….</summary>
    public bool IsConcession(int token) => _concession.Length > 0 && _concession[this[token]];

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
        if (ContrastWords.Contains(word) && (gap.Contains(',') || word is "but" or "whereas" or "however"))
        {
            return true;
        }
        // "Cuba rejected the measures and said that…": "and" before a verb starts a second predicate.
        return word.Equals("and", StringComparison.OrdinalIgnoreCase) && StartsWithVerb(facts, i + 1);
    }

    private static bool StartsWithVerb(SentenceFacts facts, int i)
    {
        if (i < facts.Tokens.Count && facts.Tokens[i].Surface.Equals("also", StringComparison.OrdinalIgnoreCase))
        {
            i++;
        }
        return facts.CueStartsAt(i);
    }
}
