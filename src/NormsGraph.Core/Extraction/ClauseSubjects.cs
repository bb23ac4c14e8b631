namespace NormsGraph.Core.Extraction;

/// <summary>
/// Finds where a sentence holds two speakers in two clauses: "Canada could not support a new treaty, while Cuba
/// called for one", "India welcomed the report; Pakistan rejected it", "Japan backed the PoA, and China opposed it".
/// Each part is then read as a sentence of its own, so that each clause's subject holds only its own clause's
/// positions. A part splits off only when it opens with its own subject and verb and the part before it has a
/// verb too ("Brazil, Chile, and Peru stressed…" is one list, not two clauses).
/// </summary>
internal static class ClauseSubjects
{
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "and", "but", "while", "whilst", "whereas", "although", "though", "yet",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "its", "their" };

    // A subject may stand a few words after the clause's first word ("while the delegation of Cuba…") and its verb
    // may follow an adverb or two ("but China, however, firmly opposed…").
    private const int SubjectReach = 4;
    private const int VerbReach = 3;

    /// <summary>Token indexes where a new clause with its own speaker begins, in order; empty for most sentences.</summary>
    public static List<int> SplitPoints(SentenceFacts facts)
    {
        var points = new List<int>();
        var partStart = 0;
        var hasSemicolon = facts.Sentence.Text.Contains(';', StringComparison.Ordinal);
        for (var i = 1; i < facts.Tokens.Count; i++)
        {
            var isOpener = Openers.Contains(facts.Tokens[i].Surface);
            if (!isOpener && !hasSemicolon)
            {
                continue; // most tokens: no clause can open here
            }
            var gap = facts.TextBetween(i - 1, i);
            var opens = gap.Contains(';') || (gap.Contains(',') && isOpener);
            if (opens && HasVerb(facts, partStart, i) && OwnSubject(facts, i) is { } subjectEnd && HasVerb(facts, subjectEnd, facts.Tokens.Count))
            {
                points.Add(i);
                partStart = i;
            }
        }
        return points;
    }

    private static bool HasVerb(SentenceFacts facts, int from, int to) => facts.Cues.Any(c => c.Start >= from && c.End <= to);

    // The end of a speaker named at the opening of the clause at <paramref name="start"/>, with its verb close behind.
    private static int? OwnSubject(SentenceFacts facts, int start)
    {
        foreach (var actor in facts.Actors)
        {
            if (actor.Start < start || actor.Start - start > SubjectReach || !AttributionResolver.CanSpeak(facts, actor))
            {
                continue;
            }
            for (var i = start; i < actor.Start; i++)
            {
                var word = facts.Tokens[i].Surface;
                if (i > start && !Determiners.Contains(word) && !facts.Has(WordClass.SpeakerRole, i, i + 1) && word != "of")
                {
                    return null; // "…, and the invasion of Ukraine…": the name is not the clause's subject
                }
            }
            var verb = facts.Cues.FirstOrDefault(c => c.Start >= actor.End);
            var lastName = facts.Actors.Where(a => a.Start >= actor.Start && a.End <= verb.Start).Select(a => a.End).DefaultIfEmpty(actor.End).Max();
            return verb.End > 0 && verb.Start - lastName <= VerbReach && !facts.Targets.Any(t => t.Start >= actor.End && t.Start < verb.Start)
                ? actor.End
                : null;
        }
        return null;
    }
}
