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
        var content = ContentLines(text);
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
        var header = content.Skip(titleOverride is null ? 1 : 0).Take(HeaderSearchLines).ToList();
        for (var h = 0; h < header.Count; h++)
        {
            var line = header[h];
            if (line.Span.Trim().Length > HeaderBylineMaxLength)
            {
                break; // the body's first paragraph, which the tests below would end on, is not copied out to find it
            }
            var trimmed = line.Text.Trim();
            // A long line without closing punctuation right before a byline or a date is a title under a site's name
            // ("Some Blog - Corporate news", then the post's title, then "By Jane Doe…").
            var subtitle = trimmed.Length <= HeaderBylineMaxLength && !EndsSentence(trimmed) && h + 1 < header.Count && IsBylineOrDate(header[h + 1].Text.Trim());
            if (!subtitle && (trimmed.Length > HeaderBylineMaxLength || (trimmed.Length > HeaderLineMaxLength && !IsHeaderByline(trimmed)) || EndsSentence(trimmed)))
            {
                break;
            }
            if (headerByline is null && IsHeaderByline(trimmed))
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
        for (var i = 0; i < content.Count; i++)
        {
            // Every line of the body is looked at: only one that opens with "By", as the pattern needs, is copied
            // out of the text and matched.
            var line = content[i];
            if (line.Start < bodyStart || !line.Span.Trim().StartsWith("By", StringComparison.Ordinal))
            {
                continue;
            }
            var byline = Byline().Match(line.Text.Trim());
            // A heading ("By Region") or a sentence without its full stop ("By December, States should…") that prose
            // follows closes nothing: the rest of the report was dropped as if it were keywords and share links.
            if (byline.Success && !ProseAfter(content, i))
            {
                author = byline.Groups["author"].Value.Trim();
                bodyEnd = line.Start;
                break;
            }
        }
        // The last line, often a long paragraph, is copied out and matched only when it opens with the dash the pattern needs.
        if (author is null && content[^1].Start > bodyStart && content[^1].Span.Trim() is ['-' or '–' or '—', ..]
            && Signature().Match(content[^1].Text.Trim()) is { Success: true } signature)
        {
            author = signature.Groups["author"].Value.Trim();
            bodyEnd = content[^1].Start;
        }
        author ??= headerByline;
        if (bodyStart >= bodyEnd || text.AsSpan(bodyStart, bodyEnd - bodyStart).IsWhiteSpace())
        {
            // Only a header: treat everything after the title as the body so a short note still reads. A report of one
            // paragraph and nothing else (a statement pasted in) is its own body, titled by its opening words.
            bodyStart = titleOverride is null ? content[0].End : 0;
            if (titleOverride is null && content.Count == 1)
            {
                bodyStart = content[0].Start;
                title = OpeningWords(title);
            }
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

    // A line of prose: longer than a header line and ending as a sentence does.
    private static bool ProseAfter(List<Line> content, int index)
    {
        for (var i = index + 1; i < content.Count; i++)
        {
            var line = content[i].Span.Trim();
            if (line.Length > HeaderLineMaxLength && line[^1] is '.' or '!' or '?' or '"' or '”' or ')')
            {
                return true;
            }
        }
        return false;
    }

    private static string OpeningWords(string paragraph)
    {
        if (paragraph.Length <= HeaderLineMaxLength)
        {
            return paragraph;
        }
        var cut = paragraph.LastIndexOf(' ', HeaderLineMaxLength);
        return paragraph[..(cut > 0 ? cut : HeaderLineMaxLength)].TrimEnd(',', ';', ':') + "…";
    }

    // The lines that are not blank, in order. A line is copied out of the text only when its words are read
    // (the title, the header lines, a byline): the body's lines, the most of them, never are.
    private static List<Line> ContentLines(string text)
    {
        var content = new List<Line>();
        var start = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var line = new Line(text, start, end);
            if (!line.Span.Trim().IsEmpty)
            {
                content.Add(line);
            }
            if (newline < 0)
            {
                break;
            }
            start = newline + 1;
        }
        return content;
    }

    private readonly record struct Line(string Whole, int Start, int End)
    {
        public ReadOnlySpan<char> Span => Whole.AsSpan(Start, End - Start);

        public string Text => Whole[Start..End];
    }

    // A name, then optionally a short affiliation after a comma that is not a sentence ("By Jane Doe, Access Now").
    [GeneratedRegex(@"^By\s+(?<author>\p{Lu}[\p{L}.'’\- ]{1,60}(?:,[^.;:!?]{1,80})?)$")]
    private static partial Regex Byline();

    private static bool EndsSentence(string line) => line.EndsWith('.') || line.EndsWith(':') || line.EndsWith(';');

    private static bool IsBylineOrDate(string line) =>
        line.Length <= HeaderBylineMaxLength && (IsHeaderByline(line) || (line.Length <= HeaderLineMaxLength && ReportDates.TryFind(line, out _)));

    // "Jane Doe, Senior Fellow, Some Institute": a name and at least two more fields, none a date; a place line
    // ("Buenos Aires, Argentina", "Geneva, Switzerland, 3 May 2026") has fewer fields or a date.
    private static bool IsHeaderByline(string line) =>
        HeaderByline().IsMatch(line) || (CommaByline().IsMatch(line) && line.Count(c => c == ',') >= MinBylineCommas && !ReportDates.TryFind(line, out _));

    private const int MinBylineCommas = 2;

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?:\s\p{Lu}[\p{L}.'’\-]*){1,2},\s*\p{L}")]
    private static partial Regex CommaByline();

    // "By Jane Doe", or "by" before a capitalised name anywhere in a header line, or a header line of fields
    // separated by bars that opens with a name ("Jane Doe | Senior Fellow, Some Institute | 3 March 2026").
    [GeneratedRegex(@"(?:^|[\s,(])[Bb]y\s+\p{Lu}|^\p{Lu}\p{Ll}+(?:\s\p{Lu}[\p{L}.'’\-]*){1,3}\s*\|")]
    private static partial Regex HeaderByline();

    // A dash, a name of two to four capitalised words, and optionally an office or organisation.
    [GeneratedRegex(@"^[-–—]{1,2}\s*(?<author>\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}[\p{L}.'’\-]*){1,3}(?:,[^.;:!?]{1,80})?)$")]
    private static partial Regex Signature();
}
