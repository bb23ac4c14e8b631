using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Reading;

/// <summary>
/// Reads an HTML page: drops navigation, scripts, styles and page chrome, keeps headings and
/// paragraphs as separate blocks, and takes the title and date from the page's own metadata.
/// </summary>
internal static class HtmlReportReader
{
    // A page's navigation and furniture, besides what is never text.
    private static readonly string[] Chrome = [.. HtmlText.NonText, "nav", "header", "footer", "aside", "form", "button", "menu"];

    public static ReportDocument Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Meta(document, "og:title") ?? document.QuerySelector("h1")?.TextContent ?? document.Title;
        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        if (root is null)
        {
            throw new ReportRejectedException("EMPTY_REPORT", "The HTML page has no body.");
        }
        HtmlText.Remove(root, Chrome);

        var text = new StringBuilder();
        HtmlText.AppendBlocks(root, text);
        var plain = text.ToString();
        title = HtmlText.Clean(title ?? "");
        // The page's <h1> repeats the title at the top of the text; do not read it as a sentence.
        if (title.Length > 0 && plain.StartsWith(title, StringComparison.Ordinal))
        {
            plain = plain[title.Length..].TrimStart('\n');
        }
        var reading = PlainTextReportReader.ReadLines(plain, ReportFormat.Html, title.Length > 0 ? title : null);
        var dated = Meta(document, "article:published_time") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        if (dated is not null && ReportDates.TryFind(dated, out var found))
        {
            reading = reading with { Date = found.Date };
        }
        return reading;
    }

    private static string? Meta(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content")
        ?? document.QuerySelector($"meta[name='{property}']")?.GetAttribute("content");
}
