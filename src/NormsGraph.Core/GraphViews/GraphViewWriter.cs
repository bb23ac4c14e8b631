namespace NormsGraph.Core.GraphViews;

/// <summary>Writes a view in any <see cref="GraphViewFormat"/>, with the media type and file name each one goes by.</summary>
public static class GraphViewWriter
{
    public static void Write(Storage.GraphView view, GraphViewFormat format, Stream output)
    {
        switch (format)
        {
            case GraphViewFormat.Cytoscape:
                CytoscapeJsonWriter.Write(view, output);
                break;
            case GraphViewFormat.GraphML:
                GraphMLWriter.Write(view, output);
                break;
            case GraphViewFormat.NodesCsv:
                GraphViewCsvWriter.WriteNodes(view, output);
                break;
            case GraphViewFormat.EdgesCsv:
                GraphViewCsvWriter.WriteEdges(view, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    public static string MediaType(GraphViewFormat format) => format switch
    {
        GraphViewFormat.Cytoscape => "application/json",
        GraphViewFormat.GraphML => "application/graphml+xml",
        _ => "text/csv",
    };

    public static string FileName(GraphViewFormat format) => format switch
    {
        GraphViewFormat.Cytoscape => "graph-view.json",
        GraphViewFormat.GraphML => "graph-view.graphml",
        GraphViewFormat.NodesCsv => "nodes.csv",
        _ => "edges.csv",
    };
}
