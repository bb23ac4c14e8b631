using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Domain;
using NormsGraph.Core.GraphViews;
using NormsGraph.Core.Storage;

namespace NormsGraph.Cli.Export;

/// <summary>
/// <c>export --format graphml|csv|cytoscape</c>: writes a graph view of the store (the same view, filters and
/// limit as <c>graphView</c> and <c>/api/graph-view</c>) for Gephi, yEd, NetworkX or a Cytoscape.js page.
/// GraphML and Cytoscape JSON go to standard output or to <c>--output FILE</c>; CSV writes <c>nodes.csv</c>
/// and <c>edges.csv</c> into the <c>--output</c> folder (default: the current folder).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(Option<string?> taxonomyOption, Option<string?> storeOption)
    {
        var format = new Option<string>("--format") { Description = "graphml, csv or cytoscape.", Required = true };
        format.AcceptOnlyFromAmong("graphml", "csv", "cytoscape");
        var output = new Option<string?>("--output", "-o") { Description = "File (graphml, cytoscape) or folder (csv); default: standard output, or the current folder for csv." };
        var focus = new Option<string[]>("--focus") { Description = "Actor or target ids to centre on (repeat or separate by commas); none: the whole graph.", AllowMultipleArgumentsPerToken = true };
        var depth = new Option<int>("--depth") { Description = $"Hops from the focus, 0 to {GraphViewQuery.MaxDepth}.", DefaultValueFactory = _ => 1 };
        var stances = new Option<string[]>("--stances") { Description = "Only these stances: support, oppose, propose, concern.", AllowMultipleArgumentsPerToken = true };
        var actorTypes = new Option<string[]>("--actor-types") { Description = "Only actors of these types, e.g. state, civil_society.", AllowMultipleArgumentsPerToken = true };
        var process = new Option<string?>("--process") { Description = "Only statements made at events of this process id." };
        var from = new Option<string?>("--from") { Description = "Only reports dated on or after this day (yyyy-MM-dd)." };
        var to = new Option<string?>("--to") { Description = "Only reports dated on or before this day (yyyy-MM-dd)." };
        var minStatements = new Option<int>("--min-statements") { Description = "Leave out positions backed by fewer statements.", DefaultValueFactory = _ => 1 };
        var minConfidence = new Option<double?>("--min-confidence") { Description = "Only statements with at least this confidence (0 to 1)." };
        var limit = new Option<int>("--limit") { Description = $"Most nodes, 1 to {GraphViewQuery.MaxLimit}.", DefaultValueFactory = _ => GraphViewQuery.MaxLimit };
        var command = new Command("export", "Export a graph view as GraphML, CSV (nodes.csv, edges.csv) or Cytoscape.js JSON.")
        {
            format, output, focus, depth, stances, actorTypes, process, from, to, minStatements, minConfidence, limit,
        };
        command.SetAction((parse, ct) =>
        {
            GraphViewQuery query;
            try
            {
                query = new GraphViewQuery(
                    Split(parse.GetValue(focus)),
                    parse.GetValue(depth),
                    parse.GetValue(stances) is { Length: > 0 } s ? [.. Split(s).Select(Parse<Stance>)] : null,
                    parse.GetValue(actorTypes) is { Length: > 0 } t ? [.. Split(t).Select(Parse<ActorType>)] : null,
                    parse.GetValue(process),
                    Date(parse.GetValue(from), "--from"),
                    Date(parse.GetValue(to), "--to"),
                    parse.GetValue(minStatements),
                    parse.GetValue(minConfidence),
                    parse.GetValue(limit));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"normsgraph: {e.Message}");
                return Task.FromResult(2);
            }
            if (query.Problem() is { } problem)
            {
                Console.Error.WriteLine($"normsgraph: {problem}");
                return Task.FromResult(2);
            }
            // Checked before the store is opened, so a wrong --output costs nothing.
            CheckOutput(parse.GetValue(format)!, parse.GetValue(output));
            return CliHost.RunAsync(parse.GetValue(storeOption), parse.GetValue(taxonomyOption), Console.Error,
                (services, token) => RunAsync(services, query, parse.GetValue(format)!, parse.GetValue(output), Console.Out, Console.Error, token), ct,
                existingStore: true);
        });
        return command;
    }

    /// <summary>Refuses an --output of the wrong kind: csv writes two files into a folder, the other formats one file.</summary>
    internal static void CheckOutput(string format, string? output)
    {
        if (output is null)
        {
            return;
        }
        if (format == "csv" && File.Exists(output))
        {
            throw new CliFailure($"--output {output} is a file; csv writes nodes.csv and edges.csv into a folder, so give a folder.");
        }
        if (format != "csv" && Directory.Exists(output))
        {
            throw new CliFailure($"--output {output} is a folder; {format} is written to one file, so give a file name (e.g. {Path.Combine(output, "graph." + (format == "graphml" ? "graphml" : "json"))}).");
        }
    }

    internal static async Task<int> RunAsync(IServiceProvider services, GraphViewQuery query, string format, string? output, TextWriter stdout,
        TextWriter errors, CancellationToken cancellationToken)
    {
        CheckOutput(format, output);
        var view = await services.GetRequiredService<IGraphStore>().GetGraphViewAsync(query, cancellationToken);
        if (format == "csv")
        {
            var folder = Path.GetFullPath(output ?? ".");
            Directory.CreateDirectory(folder);
            await WriteFileAsync(view, GraphViewFormat.NodesCsv, Path.Combine(folder, "nodes.csv"), cancellationToken);
            await WriteFileAsync(view, GraphViewFormat.EdgesCsv, Path.Combine(folder, "edges.csv"), cancellationToken);
            await errors.WriteLineAsync($"normsgraph: wrote {view.Nodes.Count} nodes to {Path.Combine(folder, "nodes.csv")} and {view.Edges.Count} edges to {Path.Combine(folder, "edges.csv")}");
        }
        else
        {
            var kind = format == "graphml" ? GraphViewFormat.GraphML : GraphViewFormat.Cytoscape;
            if (output is null)
            {
                using var buffer = new MemoryStream();
                GraphViewWriter.Write(view, kind, buffer);
                await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                await stdout.WriteLineAsync();
                await stdout.FlushAsync(cancellationToken);
            }
            else
            {
                await WriteFileAsync(view, kind, Path.GetFullPath(output), cancellationToken);
                await errors.WriteLineAsync($"normsgraph: wrote {view.Nodes.Count} nodes and {view.Edges.Count} edges to {Path.GetFullPath(output)}");
            }
        }
        if (view.Truncated)
        {
            await errors.WriteLineAsync($"normsgraph: the view was cut to {view.Nodes.Count} nodes (--limit); narrow the filters or raise the limit for more.");
        }
        return 0;
    }

    private static async Task WriteFileAsync(GraphView view, GraphViewFormat format, string path, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        using var buffer = new MemoryStream();
        GraphViewWriter.Write(view, format, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(file, cancellationToken);
    }

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static T Parse<T>(string value) where T : struct, Enum =>
        EnumNames.TryParse<T>(value, out var result)
            ? result
            : throw new FormatException($"'{value}' is not one of {string.Join(", ", Enum.GetValues<T>().Select(v => EnumNames.ToSnakeCase(v)))}.");

    private static DateOnly? Date(string? text, string option) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new FormatException($"{option} must be a date, yyyy-MM-dd.");
}
