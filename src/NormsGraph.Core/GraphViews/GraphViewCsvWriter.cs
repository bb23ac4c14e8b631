using System.Globalization;
using System.Text;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.GraphViews;

/// <summary>
/// A view as two RFC 4180 files with the column names Gephi's spreadsheet import recognises
/// (<c>Id</c>, <c>Label</c>; <c>Source</c>, <c>Target</c>, <c>Type</c>, <c>Weight</c>), plus this graph's own columns.
/// </summary>
public static class GraphViewCsvWriter
{
    public static void WriteNodes(GraphView view, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine("Id,Label,Kind,ActorType,Weight,Distance");
        foreach (var n in view.Nodes)
        {
            Row(writer, n.Id, n.Label, GraphViewNames.Kind(n.Kind), GraphViewNames.Type(n.Type), Number(n.Weight), Number(n.Distance));
        }
    }

    public static void WriteEdges(GraphView view, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine("Id,Source,Target,Type,Label,Stance,Weight,First,Last");
        foreach (var e in view.Edges)
        {
            var stance = GraphViewNames.Stance(e.Stance);
            Row(writer, e.Id, e.Source, e.Target, "Directed", stance, stance, Number(e.Weight), GraphViewNames.Date(e.First), GraphViewNames.Date(e.Last));
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Row(StreamWriter writer, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            writer.Write(Field(fields[i]));
        }
        writer.WriteLine();
    }

    // Quoted only when needed; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs a label as a formula,
    // and so is a leading tab or carriage return, which some spreadsheets drop before reading what follows as one.
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
