using System.Text.Json;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.GraphViews;

/// <summary>
/// A view as Cytoscape.js takes it: <c>{"elements": {"nodes": [{"data": …}], "edges": [{"data": …}]}, "truncated": …}</c>,
/// so a dashboard passes <c>response.elements</c> straight to <c>cytoscape({ elements })</c>.
/// </summary>
public static class CytoscapeJsonWriter
{
    public static void Write(GraphView view, Stream output)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartObject("elements");
        json.WriteStartArray("nodes");
        foreach (var n in view.Nodes)
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", n.Id);
            json.WriteString("label", n.Label);
            json.WriteString("kind", GraphViewNames.Kind(n.Kind));
            WriteNullable(json, "type", GraphViewNames.Type(n.Type));
            json.WriteNumber("weight", n.Weight);
            json.WriteNumber("distance", n.Distance);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("edges");
        foreach (var e in view.Edges)
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("id", e.Id);
            json.WriteString("source", e.Source);
            json.WriteString("target", e.Target);
            json.WriteString("stance", GraphViewNames.Stance(e.Stance));
            json.WriteNumber("weight", e.Weight);
            WriteNullable(json, "first", GraphViewNames.Date(e.First));
            WriteNullable(json, "last", GraphViewNames.Date(e.Last));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteBoolean("truncated", view.Truncated);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
