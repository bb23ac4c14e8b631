using System.Text;
using System.Text.RegularExpressions;
using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Reading;

/// <summary>
/// Reads Markdown: optional front matter (title, date), the first heading as the title, and the text
/// with markup removed (links keep their text, images and code fences go) so sentences read cleanly.
/// </summary>
internal static partial class MarkdownReportReader
{
    public static ReportDocument Read(string markdown)
    {
        var (frontTitle, frontDate, rest) = SplitFrontMatter(markdown);
        var plain = ToPlainText(rest, out var heading);
        var title = frontTitle ?? heading;
        var document = PlainTextReportReader.ReadLines(plain, ReportFormat.Markdown, title);
        if (frontDate is not null && ReportDates.TryFind(frontDate, out var found))
        {
            document = document with { Date = found.Date, StartTime = found.Start, EndTime = found.End };
        }
        return document;
    }

    private static (string? Title, string? Date, string Remainder) SplitFrontMatter(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (null, null, text);
        }
        var close = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (close < 0)
        {
            return (null, null, text);
        }
        string? title = null, date = null;
        foreach (var line in text[4..close].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim().Trim('"', '\'');
            if (key == "title") { title = value; }
            else if (key == "date") { date = value; }
        }
        var after = text.IndexOf('\n', close + 4);
        return (title, date, after < 0 ? "" : text[(after + 1)..]);
    }

    private static string ToPlainText(string markdown, out string? firstHeading)
    {
        firstHeading = null;
        var output = new StringBuilder(markdown.Length);
        var inFence = false;
        foreach (var raw in markdown.Split('\n'))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal) || raw.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence || HorizontalRule().IsMatch(raw))
            {
                output.Append('\n');
                continue;
            }
            var line = raw;
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                line = heading.Groups["text"].Value;
                if (firstHeading is null)
                {
                    firstHeading = Inline(line).Trim();
                    output.Append('\n');
                    continue; // the title is kept out of the body
                }
            }
            line = ListMarker().Replace(line, "");
            line = Quote().Replace(line, "");
            output.Append(Inline(line)).Append('\n');
        }
        return output.ToString();
    }

    // Most lines have no markup: a pattern is run only when the character it needs is there.
    private static string Inline(string line)
    {
        if (line.Contains('['))
        {
            line = Image().Replace(line, "");
            line = Link().Replace(line, "${text}");
        }
        if (line.AsSpan().ContainsAny('*', '_'))
        {
            line = Emphasis().Replace(line, "${text}");
        }
        line = line.Replace("`", "", StringComparison.Ordinal);
        return line.Contains('<') ? HtmlTag().Replace(line, "") : line;
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}([-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^\s{0,3}>\s?")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s{0,3}([-*_]\s*){3,}$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|\*|_)(?<text>\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();
}
