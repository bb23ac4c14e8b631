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
    private static readonly string[] Chrome =
        ["script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "iframe", "button", "menu"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "TD", "TH", "DT", "DD", "PRE", "FIGCAPTION",
    };

    public static ReportDocument Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Meta(document, "og:title") ?? document.QuerySelector("h1")?.TextContent ?? document.Title;
        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        if (root is null)
        {
            throw new ReportRejectedException("EMPTY_REPORT", "The HTML page has no body.");
        }
        foreach (var element in root.QuerySelectorAll(string.Join(',', Chrome)).ToList())
        {
            element.Remove();
        }

        var text = new StringBuilder();
        AppendBlocks(root, text);
        var plain = text.ToString();
        title = Clean(title ?? "");
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

    private static void AppendBlocks(INode node, StringBuilder output)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element && Blocks.Contains(element.TagName))
            {
                var block = Clean(element.TextContent);
                if (block.Length > 0)
                {
                    output.Append(block).Append("\n\n");
                }
                continue;
            }
            if (child is IText textNode)
            {
                var loose = Clean(textNode.Text);
                if (loose.Length > 0)
                {
                    output.Append(loose).Append("\n\n");
                }
                continue;
            }
            AppendBlocks(child, output);
        }
    }

    private static string? Meta(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content")
        ?? document.QuerySelector($"meta[name='{property}']")?.GetAttribute("content");

    private static string Clean(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
