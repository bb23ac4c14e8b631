using System.Text;
using NormsGraph.Core.GraphViews;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.Tests.GraphViews;

public sealed class GraphViewCsvWriterTests
{
    private static string[] Labels(params string[] labels)
    {
        var view = new GraphView([.. labels.Select((l, i) => new GraphViewNode($"n{i}", l, GraphViewNodeKind.Actor, null, 1, 0))], [], false);
        using var output = new MemoryStream();
        GraphViewCsvWriter.WriteNodes(view, output);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The label is the second field; a quoted one holds no comma here, so the field runs to the next comma.
        return [.. lines.Skip(1).Select(l => l.Split(',')[1].Trim('"'))];
    }

    [Fact]
    public void A_label_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_an_apostrophe()
    {
        // A tab or carriage return before the formula is dropped by some spreadsheets, which then run what follows.
        Assert.Equal(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1+1", "'\r=1+1", "Access Now"],
            Labels("=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "Access Now"));
    }
}
