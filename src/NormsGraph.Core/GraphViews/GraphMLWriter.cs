using System.Globalization;
using System.Text;
using System.Xml;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.GraphViews;

/// <summary>
/// A view as GraphML 1.0 (the graphdrawing.org schema): typed keys declared first, then one directed graph.
/// The node key named <c>label</c> and the edge key named <c>weight</c> are what Gephi shows as label and weight.
/// </summary>
public static class GraphMLWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("label", "node", "label", "string"),
        ("kind", "node", "kind", "string"),
        ("actor_type", "node", "actor_type", "string"),
        ("node_weight", "node", "weight", "int"),
        ("distance", "node", "distance", "int"),
        ("stance", "edge", "stance", "string"),
        ("edge_weight", "edge", "weight", "int"),
        ("first", "edge", "first", "string"),
        ("last", "edge", "last", "string"),
    ];

    public static void Write(GraphView view, Stream output, string graphId = "normsgraph")
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        foreach (var (id, @for, name, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", @for);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", graphId);
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var n in view.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", n.Id);
            Data(xml, "label", n.Label);
            Data(xml, "kind", GraphViewNames.Kind(n.Kind));
            Data(xml, "actor_type", GraphViewNames.Type(n.Type));
            Data(xml, "node_weight", n.Weight.ToString(CultureInfo.InvariantCulture));
            Data(xml, "distance", n.Distance.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        foreach (var e in view.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", e.Id);
            xml.WriteAttributeString("source", e.Source);
            xml.WriteAttributeString("target", e.Target);
            Data(xml, "stance", GraphViewNames.Stance(e.Stance));
            Data(xml, "edge_weight", e.Weight.ToString(CultureInfo.InvariantCulture));
            Data(xml, "first", GraphViewNames.Date(e.First));
            Data(xml, "last", GraphViewNames.Date(e.Last));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // A missing value is no <data> element at all, which GraphML reads as "no value".
    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
