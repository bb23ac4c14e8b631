namespace NormsGraph.Api.Embed;

/// <summary>Settings of the embeddable page (<c>Embed</c> section).</summary>
internal sealed class EmbedOptions
{
    public const string SectionName = "Embed";

    /// <summary>
    /// Origins allowed to show the page in an iframe (CSP <c>frame-ancestors</c>), e.g. <c>https://dashboards.example.org</c>
    /// or <c>https://*.example.org</c>; this server's own origin always may. Empty: no other site may frame it.
    /// </summary>
    public List<string> FrameAncestors { get; set; } = [];

    /// <summary>The <c>frame-ancestors</c> source list.</summary>
    public string FrameAncestorsDirective() => string.Join(' ', ["'self'", .. FrameAncestors.Select(o => o.TrimEnd('/'))]);
}
