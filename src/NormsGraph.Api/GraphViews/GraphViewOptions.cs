namespace NormsGraph.Api.GraphViews;

/// <summary>Settings of the graph-view endpoints (<c>GraphView</c> section).</summary>
internal sealed class GraphViewOptions
{
    public const string SectionName = "GraphView";

    /// <summary>How long a dashboard or proxy may reuse a view before asking again (with If-None-Match).</summary>
    public int CacheSeconds { get; set; } = 30;
}
