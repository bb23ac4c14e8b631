using System.Text.RegularExpressions;

namespace NormsGraph.Core.Extraction;

/// <summary>Makes a short label for a new idea from the words after a "propose" cue.</summary>
internal static partial class ProposalLabeler
{
    private const int MaxWords = 10;

    public static string? Label(string textAfterCue)
    {
        var clause = ClauseEnd().Split(textAfterCue, 2)[0];
        var label = LeadingFiller().Replace(clause.Trim(), "");
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxWords).ToArray();
        if (words.Length < 2)
        {
            return null;
        }
        var end = words.Length;
        while (end > 0 && TrailingFiller().IsMatch(words[end - 1]))
        {
            end--;
        }
        // "…which Russia first proposed in 2017": a time or a place is no proposal; a label needs a content word.
        return end < 2 || !words[..end].Any(IsContentWord) ? null : string.Join(' ', words[..end]).TrimEnd('.', ',', ';', ':');
    }

    private static bool IsContentWord(string word) => word.Length >= 4 && word.All(char.IsLetter) && !TimeWord().IsMatch(word);

    [GeneratedRegex(@"^(?:January|February|March|April|June|July|August|September|October|November|December|year|years|month|months|week|weeks|today|yesterday|earlier|later|last|next|session|meeting)$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeWord();

    [GeneratedRegex(@"^(?:the|a|an|of|to|and|or|for|in|on|with|by|its|their)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingFiller();

    [GeneratedRegex(@"[,;:.()]|\s(?:which|that|who|so that|in order to|because|while|but|as)\s")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^(?:(?:that|their|its|his|her|the|a|an|an?\s+idea\s+(?:to|of)|idea\s+(?:to|of)|to|of|for|on|establish(?:ing)?|establishment\s+of|creat(?:e|ing|ion\s+of)|set(?:ting)?\s+up)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();
}
