using System.Text.RegularExpressions;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// Decides who holds the positions of a sentence: the actors named before its stance verb (a list
/// such as "Australia, Canada and the EU" gives each one), else the paragraph's last named actors when
/// the sentence refers back to them ("They…") or simply continues their reported speech.
/// </summary>
internal static partial class AttributionResolver
{
    public static Attribution? Resolve(SentenceFacts facts, IReadOnlyList<string> current, bool sentenceHasModal)
    {
        foreach (var cue in facts.Cues)
        {
            var before = facts.Actors.Where(a => a.End <= cue.Start).ToList();
            var anaphor = facts.Words.LastOrDefault(w => w.Payload == WordClass.Anaphor && w.End <= cue.Start);
            // "They welcomed the statement of China and stressed…": the anaphor, not China, is the subject.
            var anaphorIsSubject = anaphor.End > 0 && (before.Count == 0 || anaphor.Start >= before[^1].End);
            if (anaphorIsSubject && current.Count > 0)
            {
                return new Attribution(current, AttributionKind.Anaphoric, anaphor.End);
            }
            if (before.Count > 0)
            {
                return new Attribution(ListEndingAt(facts, before), AttributionKind.Explicit, before[^1].End);
            }
        }
        if (current.Count == 0)
        {
            return null;
        }
        return sentenceHasModal || facts.Cues.Count > 0 ? new Attribution(current, AttributionKind.Carried, 0) : null;
    }

    // Walks back from the actor nearest the verb while only list words separate the names.
    private static List<string> ListEndingAt(SentenceFacts facts, List<ActorMention> before)
    {
        var ids = new List<string> { before[^1].ActorId };
        for (var i = before.Count - 2; i >= 0; i--)
        {
            var gapStart = facts.Tokens[before[i].End - 1].End;
            var gapEnd = facts.Tokens[before[i + 1].Start].Start;
            if (!ListSeparator().IsMatch(facts.Sentence.Text[gapStart..gapEnd]))
            {
                break;
            }
            ids.Insert(0, before[i].ActorId);
        }
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"^(?:[\s,/&]|\b(?:and|or|as well as|together with|along with|the|its|their|member|states|also|both|delegations?\s+of|representatives?\s+of)\b)*$", RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();
}
