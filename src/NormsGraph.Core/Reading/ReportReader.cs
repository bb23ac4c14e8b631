using System.Buffers;
using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Reading;

/// <summary>
/// Turns raw report content into a <see cref="ReportDocument"/>: picks the format (declared, from the
/// file extension, or sniffed from the content), removes markup and reads the header.
/// </summary>
public static class ReportReader
{
    /// <summary>Least amount of letters a report body must have to be worth extracting.</summary>
    public const int MinimumLetters = 20;

    public static ReportDocument Read(string content, string? fileName = null, ReportFormat? declared = null)
    {
        if (LooksBinary(content))
        {
            throw new ReportRejectedException("BINARY_CONTENT", "The content is binary, not text.");
        }
        var text = content.ReplaceLineEndings("\n").Trim('\uFEFF');
        var format = declared ?? DetectFormat(text, fileName);
        var document = format switch
        {
            ReportFormat.Html => HtmlReportReader.Read(text),
            ReportFormat.Markdown => MarkdownReportReader.Read(text),
            _ => PlainTextReportReader.Read(text),
        };
        if (!HasLetters(document.Text.AsSpan(document.BodyStart, document.BodyEnd - document.BodyStart), MinimumLetters))
        {
            throw new ReportRejectedException("EMPTY_REPORT", "The report has no usable text after cleaning.");
        }
        return document;
    }

    public static ReportFormat? FormatFromExtension(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".txt" or ".text" => ReportFormat.PlainText,
            ".md" or ".markdown" => ReportFormat.Markdown,
            ".html" or ".htm" or ".xhtml" => ReportFormat.Html,
            _ => null,
        };

    public static ReportFormat DetectFormat(string text, string? fileName)
    {
        if (FormatFromExtension(fileName) is { } fromName)
        {
            return fromName;
        }
        var head = text.TrimStart()[..Math.Min(text.TrimStart().Length, 512)];
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase))
        {
            return ReportFormat.Html;
        }
        if (head.StartsWith("# ", StringComparison.Ordinal) || head.StartsWith("---\n", StringComparison.Ordinal))
        {
            return ReportFormat.Markdown;
        }
        return ReportFormat.PlainText;
    }

    /// <summary>NUL characters or many control characters mean the bytes were not text.</summary>
    // Counting stops at the threshold: every report is checked, and nearly all have thousands of letters.
    private static bool HasLetters(ReadOnlySpan<char> text, int atLeast)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c) && ++letters >= atLeast)
            {
                return true;
            }
        }
        return false;
    }

    // Control characters other than the usual white space; text has none or few, so the scan jumps (vectorised).
    private static readonly SearchValues<char> OddControls = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')).ToArray());

    public static bool LooksBinary(string content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
        var control = 0;
        var rest = sample;
        while (rest.IndexOfAny(OddControls) is var at and >= 0)
        {
            if (rest[at] == '\0')
            {
                return true;
            }
            control++;
            rest = rest[(at + 1)..];
        }
        return sample.Length > 0 && control > sample.Length / 20;
    }
}
