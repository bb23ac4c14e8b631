using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NormsGraph.Core.Reading;

/// <summary>
/// The text a reader sees in HTML: what an HTML page is made of and what raw HTML inside Markdown is reduced to,
/// so that both give the same text for the same markup.
/// </summary>
internal static class HtmlText
{
    /// <summary>Elements whose content is never text a reader sees, wherever they stand.</summary>
    public static readonly string[] NonText = ["script", "style", "noscript", "template", "svg", "iframe"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "TD", "TH", "DT", "DD", "PRE", "FIGCAPTION",
    };

    // Phrasing elements: text and these side by side are one run of text ("Kenya <b>called</b> for…"), not a block each.
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "A", "ABBR", "B", "BDI", "BDO", "BR", "CITE", "CODE", "DATA", "DEL", "DFN", "EM", "FONT", "I", "INS", "KBD", "MARK",
        "Q", "S", "SAMP", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME", "U", "VAR", "WBR",
    };

    /// <summary>The body of a piece of HTML with its non-text elements removed (comments are never text).</summary>
    public static IElement? Body(string html)
    {
        var body = new HtmlParser().ParseDocument(html).Body;
        if (body is not null)
        {
            Remove(body, NonText);
        }
        return body;
    }

    public static void Remove(IElement root, IEnumerable<string> tagNames)
    {
        foreach (var element in root.QuerySelectorAll(string.Join(',', tagNames)).ToList())
        {
            element.Remove();
        }
    }

    /// <summary>
    /// Headings, paragraphs, cells and runs of loose text each as a block of its own, blank lines between; a list of
    /// plain items is one block of one line per item.
    /// </summary>
    public static void AppendBlocks(INode node, StringBuilder output)
    {
        var run = new StringBuilder();
        foreach (var child in node.ChildNodes)
        {
            if (child is IText textNode)
            {
                run.Append(textNode.Text);
                continue;
            }
            if (child is not IElement element)
            {
                continue; // a comment
            }
            if (Inline.Contains(element.TagName))
            {
                AppendInline(element, run);
                continue;
            }
            AppendBlock(run.ToString(), output);
            run.Clear();
            if (ListLines(element) is { } lines)
            {
                AppendLines(lines, output);
                continue;
            }
            // A block with blocks inside (an item holding paragraphs or a list) is read block by block, not as one run
            // of its text, which glued "…is needed.</p><p>States should…" into one sentence.
            if (Blocks.Contains(element.TagName) && !HasBlockInside(element))
            {
                AppendBlock(RunText(element), output);
                continue;
            }
            AppendBlocks(element, output);
        }
        AppendBlock(run.ToString(), output);
    }

    /// <summary>What starts each item of a list read as one block, so that the sentence splitter ends an item there.</summary>
    public const string ItemMarker = "- ";

    // A list whose items hold only text and inline markup: one line per item, each with a marker, in one block, as
    // Markdown's tight list reads, so "…made the following points:" and its list are read alike in both (as a block
    // each, only the first item followed the introducer). A list with paragraphs or lists inside its items is read
    // block by block.
    private static List<string>? ListLines(IElement element)
    {
        if (element.TagName is not ("UL" or "OL") || element.Children.Any(c => c.TagName != "LI") || element.Children.Any(HasBlockInside))
        {
            return null;
        }
        return [.. element.Children.Select(item => Clean(RunText(item))).Where(line => line.Length > 0).Select(line => ItemMarker + line)];
    }

    // The text of an element holding only text and inline markup, as a run of loose text reads: a <br> parts the words
    // on either side, which TextContent glued ("…hospitals.France stressed…", "KenyaGhana": one sentence, no actor).
    private static string RunText(IElement element)
    {
        var text = new StringBuilder();
        AppendInline(element, text);
        return text.ToString();
    }

    private static bool HasBlockInside(IElement element) => element.Descendants<IElement>().Any(d => !Inline.Contains(d.TagName));

    private static void AppendLines(List<string> lines, StringBuilder output)
    {
        if (lines.Count > 0)
        {
            output.Append(string.Join('\n', lines)).Append("\n\n");
        }
    }

    private static void AppendBlock(string text, StringBuilder output)
    {
        var block = Clean(text);
        if (block.Length > 0)
        {
            output.Append(block).Append("\n\n");
        }
    }

    /// <summary>The text of inline markup: a <c>&lt;br&gt;</c> is a line break, other white space is one space.</summary>
    public static string InlineText(INode node)
    {
        var text = new StringBuilder();
        AppendInline(node, text);
        return string.Join('\n', text.ToString().Split('\n').Select(Clean));
    }

    private static void AppendInline(INode node, StringBuilder output)
    {
        if (node is IElement { TagName: "BR" })
        {
            output.Append('\n');
            return;
        }
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText textNode:
                    output.Append(textNode.Text);
                    break;
                case IElement:
                    AppendInline(child, output);
                    break;
            }
        }
    }

    public static string Clean(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
