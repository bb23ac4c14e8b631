using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NormsGraph.Cli.Eval;

/// <summary>One line of a gold positions file (the format of shared/eval: report, actor, aliases, stance, target…).</summary>
internal sealed partial record GoldPosition(string Report, string Actor, IReadOnlySet<string> Names, string Stance, string Target, bool Optional, string Evidence)
{
    public static List<GoldPosition> ReadTaxonomyLines(string path)
    {
        var lines = new List<GoldPosition>();
        foreach (var (text, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)).Where(l => l.l.Trim().Length > 0))
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not JSON: {e.Message}");
            }
            if (!root.TryGetProperty("target_is_taxonomy", out var taxonomy) || !taxonomy.GetBoolean())
            {
                continue;
            }
            var actor = root.GetProperty("actor").GetString()!;
            var names = root.GetProperty("actor_aliases").EnumerateArray().Select(a => a.GetString()!).Append(actor).Select(NormaliseName).ToHashSet();
            lines.Add(new GoldPosition(root.GetProperty("report").GetString()!, actor, names, root.GetProperty("stance").GetString()!,
                root.GetProperty("target").GetString()!, root.TryGetProperty("optional", out var optional) && optional.GetBoolean(),
                root.TryGetProperty("evidence", out var evidence) ? evidence.GetString() ?? "" : ""));
        }
        return lines;
    }

    /// <summary>Names compare as the shared scorer compares them: folded, lower case, no punctuation or leading article.</summary>
    public static string NormaliseName(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormKC).Replace('\u2019', '\'').Replace('\u2018', '\'').ToLower(CultureInfo.InvariantCulture);
        folded = NotNameCharacters().Replace(folded, " ").Trim();
        folded = LeadingArticle().Replace(folded, "");
        return Spaces().Replace(folded, " ").Trim();
    }

    [GeneratedRegex("[^a-z0-9' ]+")]
    private static partial Regex NotNameCharacters();

    [GeneratedRegex("^(the|a|an) ")]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
