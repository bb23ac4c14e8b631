using System.Text.Json.Nodes;
using System.Xml.Linq;
using NormsGraph.Cli.Export;
using NormsGraph.Cli.Ingest;
using NormsGraph.Core.GraphViews;
using NormsGraph.Core.Storage;

namespace NormsGraph.Cli.Tests.Export;

public sealed class ExportCommandTests
{
    private const string Report = """
        Informal consultations on the Programme of Action

        12 Oct 2022 15:00h - 17:00h

        Event report

        France stressed that international law, and in particular the UN Charter, applies in cyberspace. Chile called for the protection of computer emergency response teams. Chile also stressed that international law applies.
        """;

    private static async Task IngestAsync(CliRun run)
    {
        var path = run.Write("in/consultations.txt", Report);
        var (code, _, errors) = await run.RunAsync((services, console, e, ct) => IngestCommand.RunAsync(services, [path], 1, console, e, ct));
        Assert.True(code == 0, errors);
    }

    [Fact]
    public async Task Export_writes_the_graph_around_a_focus_as_graphml_to_a_file()
    {
        using var run = new CliRun();
        await IngestAsync(run);
        var file = Path.Combine(run.Root, "out", "view.graphml");

        var (code, _, errors) = await run.RunAsync((services, _, e, ct) =>
            ExportCommand.RunAsync(services, new GraphViewQuery(["p-intl-law"]), "graphml", file, TextWriter.Null, e, ct));

        Assert.Equal(0, code);
        Assert.Contains("wrote 3 nodes and 2 edges", errors, StringComparison.Ordinal);
        var graphml = XDocument.Load(file);
        XNamespace ns = GraphMLWriter.Namespace;
        Assert.Equal(["p-intl-law", "chl", "fra"], graphml.Descendants(ns + "node").Select(n => (string)n.Attribute("id")!));
        Assert.Equal(["chl:support:p-intl-law", "fra:support:p-intl-law"], graphml.Descendants(ns + "edge").Select(n => (string)n.Attribute("id")!));
    }

    [Fact]
    public async Task Export_as_csv_writes_nodes_and_edges_files_and_cytoscape_goes_to_standard_output()
    {
        using var run = new CliRun();
        await IngestAsync(run);
        var folder = Path.Combine(run.Root, "csv");
        var stdout = new StringWriter();

        var (csv, _, _) = await run.RunAsync((services, _, e, ct) => ExportCommand.RunAsync(services, new GraphViewQuery([]), "csv", folder, TextWriter.Null, e, ct));
        var (json, _, _) = await run.RunAsync((services, _, e, ct) => ExportCommand.RunAsync(services, new GraphViewQuery(["chl"], Limit: 2), "cytoscape", null, stdout, e, ct));

        Assert.Equal((0, 0), (csv, json));
        var nodes = File.ReadAllLines(Path.Combine(folder, "nodes.csv"));
        Assert.Equal("Id,Label,Kind,ActorType,Weight,Distance", nodes[0]);
        Assert.Contains("chl,Chile,actor,state,2,0", nodes);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(folder, "edges.csv")).Length);
        var view = JsonNode.Parse(stdout.ToString())!;
        Assert.True(view["truncated"]!.GetValue<bool>());
        Assert.Equal("chl", view["elements"]!["nodes"]![0]!["data"]!["id"]!.GetValue<string>());
        Assert.Equal(2, view["elements"]!["nodes"]!.AsArray().Count);
    }
}
