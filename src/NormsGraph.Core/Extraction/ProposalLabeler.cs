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
        return string.Join(' ', words).TrimEnd('.', ',', ';', ':');
    }

    [GeneratedRegex(@"[,;:.()]|\s(?:which|that would|so that|in order to|because|while|but)\s")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^(?:(?:that|their|its|his|her|the|a|an|an?\s+idea\s+(?:to|of)|idea\s+(?:to|of)|to|of|for|on|establish(?:ing)?|establishment\s+of|creat(?:e|ing|ion\s+of)|set(?:ting)?\s+up)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();
}
