namespace NormsGraph.Core.GraphViews;

/// <summary>The shapes a graph view is written in: what dashboards hand to Cytoscape.js, and what Gephi, yEd and NetworkX read.</summary>
public enum GraphViewFormat
{
    Cytoscape,
    GraphML,
    NodesCsv,
    EdgesCsv,
}
