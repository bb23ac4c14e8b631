using System.Text.RegularExpressions;
using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Reading;

/// <summary>
/// Reads the plain-text layout of event reports: a title line, a date (and time) line, short
/// boilerplate lines such as "Event report", the body, and an optional closing "By &lt;author&gt;" line.
/// An unknown layout still reads: the first line is the title and the rest is the body.
/// </summary>
internal static partial class PlainTextReportReader
{
    private const int HeaderLineMaxLength = 80;
    private const int HeaderSearchLines = 8;
    private const int HeaderBylineMaxLength = 200;

    public static ReportDocument Read(string text) => ReadLines(text, ReportFormat.PlainText, titleOverride: null);

    internal static ReportDocument ReadLines(string text, ReportFormat format, string? titleOverride)
    {
        var lines = Lines(text).ToList();
        var content = lines.Where(l => l.Text.Trim().Length > 0).ToList();
        if (content.Count == 0)
        {
            throw new ReportRejectedException("EMPTY_REPORT", "The report is empty.");
        }
        var title = titleOverride ?? content[0].Text.Trim();
        var bodyStart = titleOverride is null ? content[0].End : 0;
        DateOnly? date = null;
        string? start = null, end = null;

        // Header: short lines at the top, among them the date line; the body starts at the first long line. A header
        // line that names who wrote it ("By Jane Doe", "Microsoft On the Issues, 9 November 2023, by Tom Burt") is
        // the byline unless a closing one follows.
        string? headerByline = null;
        foreach (var line in content.Skip(titleOverride is null ? 1 : 0).Take(HeaderSearchLines))
        {
            var trimmed = line.Text.Trim();
            if (trimmed.Length > HeaderBylineMaxLength || (trimmed.Length > HeaderLineMaxLength && !HeaderByline().IsMatch(trimmed)) || trimmed.EndsWith('.')
                || trimmed.EndsWith(':') || trimmed.EndsWith(';'))
            {
                break;
            }
            if (headerByline is null && HeaderByline().IsMatch(trimmed))
            {
                headerByline = trimmed;
            }
            if (date is null && ReportDates.TryFind(trimmed, out var found))
            {
                (date, start, end) = (found.Date, found.Start, found.End);
            }
            bodyStart = line.End;
        }
        if (date is null && ReportDates.TryFind(text[..Math.Min(text.Length, 400)], out var early))
        {
            (date, start, end) = (early.Date, early.Start, early.End);
        }

        // Footer: "By <author>" closes the report; anything after it (keyword clouds, share links) is not prose.
        // A foreword or a letter ends on its signature instead: "— Jane Doe, Ministry of Foreign Affairs".
        var bodyEnd = text.Length;
        string? author = null;
        foreach (var line in content.Where(l => l.Start >= bodyStart))
        {
            var byline = Byline().Match(line.Text.Trim());
            if (byline.Success)
            {
                author = byline.Groups["author"].Value.Trim();
                bodyEnd = line.Start;
                break;
            }
        }
        if (author is null && content[^1].Start > bodyStart && Signature().Match(content[^1].Text.Trim()) is { Success: true } signature)
        {
            author = signature.Groups["author"].Value.Trim();
            bodyEnd = content[^1].Start;
        }
        author ??= headerByline;
        if (bodyStart >= bodyEnd)
        {
            // Only a header: treat everything after the title as the body so a short note still reads.
            bodyStart = titleOverride is null ? content[0].End : 0;
        }
        while (bodyStart < bodyEnd && char.IsWhiteSpace(text[bodyStart]))
        {
            bodyStart++;
        }
        while (bodyEnd > bodyStart && char.IsWhiteSpace(text[bodyEnd - 1]))
        {
            bodyEnd--;
        }
        return new ReportDocument(title, date, start, end, author, text, bodyStart, bodyEnd, format);
    }

    private static IEnumerable<(string Text, int Start, int End)> Lines(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            yield return (text[start..end], start, end);
            if (newline < 0)
            {
                yield break;
            }
            start = newline + 1;
        }
    }

    // A name, then optionally a short affiliation after a comma that is not a sentence ("By Jane Doe, Access Now").
    [GeneratedRegex(@"^By\s+(?<author>\p{Lu}[\p{L}.'’\- ]{1,60}(?:,[^.;:!?]{1,80})?)$")]
    private static partial Regex Byline();

    // "By Jane Doe", or "by" before a capitalised name anywhere in a header line, or a header line of fields
    // separated by bars that opens with a name ("Jane Doe | Senior Fellow, Some Institute | 3 March 2026").
    [GeneratedRegex(@"(?:^|[\s,(])[Bb]y\s+\p{Lu}|^\p{Lu}\p{Ll}+(?:\s\p{Lu}[\p{L}.'’\-]*){1,3}\s*\|")]
    private static partial Regex HeaderByline();

    // A dash, a name of two to four capitalised words, and optionally an office or organisation.
    [GeneratedRegex(@"^[-–—]{1,2}\s*(?<author>\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}[\p{L}.'’\-]*){1,3}(?:,[^.;:!?]{1,80})?)$")]
    private static partial Regex Signature();
}
