using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NormsGraph.Core.Domain;
using Tomlyn;
using Tomlyn.Model;

namespace NormsGraph.Core.Reading;

/// <summary>
/// Reads Markdown: optional front matter in YAML or TOML (title, date), the first heading as the title, and the text of the
/// parsed document, block by block, so sentences read cleanly: headings, paragraphs, block quotes and table cells
/// are paragraphs of their own, a tight list is one paragraph of one line per item, entities are decoded, links
/// keep their text, and images, code blocks, comments and scripts go. Raw HTML is read as the HTML reader reads it.
/// </summary>
internal static class MarkdownReportReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseFootnotes()
        .Build();

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
        if (text.StartsWith("+++\n", StringComparison.Ordinal))
        {
            return SplitTomlFrontMatter(text);
        }
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
            if (value.Length == 0)
            {
                continue; // a template's blank field: the heading titles the report, not an empty title
            }
            if (key == "title") { title = value; }
            else if (key == "date") { date = value; }
        }
        return (title, date, AfterClosingLine(text, close));
    }

    // The text after the line that closes front matter ("---" or "+++"), whose line break is at close.
    private static string AfterClosingLine(string text, int close)
    {
        var after = text.IndexOf('\n', close + 4);
        return after < 0 ? "" : text[(after + 1)..];
    }

    /// <summary>
    /// TOML front matter between <c>+++</c> lines, as static-site generators (Hugo, Zola) write it. It is read with a TOML
    /// parser: unlike YAML's <c>key: value</c> lines, its strings have escapes and its dates are values of their own.
    /// Front matter that is not valid TOML is still metadata, not prose: it leaves the text and gives no title or date.
    /// </summary>
    private static (string? Title, string? Date, string Remainder) SplitTomlFrontMatter(string text)
    {
        var close = text.IndexOf("\n+++", 3, StringComparison.Ordinal);
        if (close < 0)
        {
            return (null, null, text);
        }
        var remainder = AfterClosingLine(text, close);
        TomlTable? table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text[4..close], (TomlSerializerOptions?)null);
        }
        catch (TomlException)
        {
            return (null, null, remainder);
        }
        string? Field(string key) => table is not null && table.TryGetValue(key, out var value) && value?.ToString()?.Trim() is { Length: > 0 } shown
            ? shown
            : null;
        return (Field("title"), Field("date"), remainder);
    }

    private static string ToPlainText(string markdown, out string? firstHeading)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // The title is kept out of the body.
        var titleBlock = document.OfType<HeadingBlock>().FirstOrDefault();
        firstHeading = titleBlock?.Inline is { } inline ? HtmlText.Clean(InlineText(inline)) : null;
        var writer = new BlockWriter(titleBlock);
        writer.Write(document);
        return writer.ToString();
    }

    // Writes each block's text as a paragraph of its own (a blank line between), except the items of a tight list,
    // each a line with a marker ("- "), which Markdown means as one paragraph and the extractor reads as one list ("…the following points:" and
    // then its items).
    private sealed class BlockWriter(Block? skipped)
    {
        private readonly StringBuilder _output = new();
        private ListBlock? _lastList;

        public void Write(Block block)
        {
            switch (block)
            {
                case var _ when block == skipped:
                    return;
                case HtmlBlock html:
                    Append(HtmlBlockText(html), block);
                    return;
                case CodeBlock: // fenced and indented code
                case ThematicBreakBlock:
                case LinkReferenceDefinitionGroup:
                    return;
                case LeafBlock leaf:
                    Append(leaf.Inline is null ? "" : InlineText(leaf.Inline), block);
                    return;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Write(child);
                    }
                    return;
            }
        }

        private void Append(string text, Block block)
        {
            text = text.Trim();
            if (text.Length == 0)
            {
                return;
            }
            var list = OutermostTightList(block);
            if (_output.Length > 0)
            {
                _output.Append(list is not null && list == _lastList ? "\n" : "\n\n");
            }
            // An item keeps a list marker, which the sentence splitter needs: an item without closing punctuation
            // ran into the next one as one sentence.
            if (list is not null && block.Parent is ListItemBlock item && item.IndexOf(block) == 0)
            {
                _output.Append(HtmlText.ItemMarker);
            }
            _output.Append(text);
            _lastList = list;
        }

        private static ListBlock? OutermostTightList(Block block)
        {
            ListBlock? outermost = null;
            for (var parent = block.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ListBlock { IsLoose: false } list)
                {
                    outermost = list;
                }
            }
            return outermost;
        }

        public override string ToString() => _output.Append('\n').ToString();
    }

    // Raw HTML reads as the HTML reader reads a page: comments, scripts and styles are not text; entities decode.
    private static string HtmlBlockText(HtmlBlock block)
    {
        var body = HtmlText.Body(block.Lines.ToString());
        if (body is null)
        {
            return "";
        }
        var text = new StringBuilder();
        HtmlText.AppendBlocks(body, text);
        return text.ToString();
    }

    // A paragraph's text keeps its line breaks. When it holds raw HTML (a tag, a comment, an inline script), its
    // text is written out as HTML with the tags and read back through the HTML parser.
    private static string InlineText(ContainerInline inlines)
    {
        var asHtml = inlines.Descendants<HtmlInline>().Any();
        var text = new StringBuilder();
        AppendInlines(inlines, text, asHtml);
        if (!asHtml)
        {
            return text.ToString();
        }
        var body = HtmlText.Body(text.ToString());
        return body is null ? "" : HtmlText.InlineText(body);
    }

    private static void AppendInlines(ContainerInline container, StringBuilder output, bool asHtml)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    AppendText(literal.Content.ToString(), output, asHtml);
                    break;
                case HtmlEntityInline entity:
                    AppendText(entity.Transcoded.ToString(), output, asHtml);
                    break;
                case CodeInline code:
                    AppendText(code.Content, output, asHtml);
                    break;
                case AutolinkInline autolink:
                    AppendText(autolink.Url, output, asHtml);
                    break;
                case LineBreakInline:
                    output.Append('\n');
                    break;
                case HtmlInline html:
                    output.Append(html.Tag);
                    break;
                case LinkInline { IsImage: true }:
                case FootnoteLink:
                    break;
                case ContainerInline children: // emphasis, a link's text
                    AppendInlines(children, output, asHtml);
                    break;
            }
        }
    }

    private static void AppendText(string text, StringBuilder output, bool asHtml) =>
        output.Append(asHtml ? WebUtility.HtmlEncode(text) : text);
}
