namespace NormsGraph.Core.Text;

/// <summary>What a statement to link or file needs: a word. Whitespace, punctuation or zero-width characters alone match
/// nothing, and ranking norms against them gave low-scored answers instead of saying there was nothing to link.</summary>
public static class StatementText
{
    public static bool HasWords(string? text) => text is not null && text.Any(char.IsLetterOrDigit);
}
