using System.Security.Cryptography;
using System.Text;

namespace NormsGraph.Core.Domain;

/// <summary>Deterministic ids derived from content, so re-ingesting the same thing changes nothing.</summary>
public static class StableIds
{
    public static string ForReportText(string text) => "r-" + Hash(text.ReplaceLineEndings("\n"), 20);

    public static string ForEvent(string title, DateOnly? date) =>
        "e-" + Hash($"{Normalise(title)}|{date:yyyy-MM-dd}", 16);

    public static string ForProposal(string label) => "proposal-" + Slug(label);

    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }

    internal static string Hash(string value, int hexLength) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..hexLength];

    internal static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
