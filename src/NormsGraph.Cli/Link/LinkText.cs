using System.Globalization;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;

namespace NormsGraph.Cli.Link;

/// <summary>The human-readable format of <c>link</c>: each statement, then its matches with their reasons.</summary>
internal static class LinkText
{
    public static string Format(LinkStatement statement, IReadOnlyList<TargetMatch> matches, IReadOnlyDictionary<string, Target> targets)
    {
        var c = CultureInfo.InvariantCulture;
        var writer = new StringWriter(c);
        var text = statement.Text.Length > 160 ? statement.Text[..157] + "…" : statement.Text;
        writer.WriteLine($"{statement.Id}: \"{text}\"");
        var rank = 0;
        foreach (var match in matches)
        {
            rank++;
            var name = targets.TryGetValue(match.TargetId, out var t) ? t.Name : match.TargetId;
            writer.WriteLine(string.Create(c, $"  {rank}. {match.TargetId,-22} {match.Score:0.00}  {name}"));
            var why = MatchWhy.From(match);
            if (why.Phrases.Count > 0)
            {
                writer.WriteLine($"       phrases: {string.Join("; ", why.Phrases)}");
            }
            if (why.Terms.Count > 0)
            {
                writer.WriteLine($"       terms:   {string.Join(", ", why.Terms.Take(6))}");
            }
            if (why.ClosestWording is not null)
            {
                writer.WriteLine(string.Create(c, $"       meaning: {why.ClosestWording} ({why.Similarity:0.00})"));
            }
            foreach (var similar in why.Similar)
            {
                writer.WriteLine($"       like {similar.StatementId} ({similar.ActorId}, {EnumNames.ToSnakeCase(similar.Status)}): \"{Shorten(similar.Evidence)}\"");
            }
        }
        return writer.ToString();
    }

    private static string Shorten(string text) => text.Length > 100 ? text[..97] + "…" : text;
}
