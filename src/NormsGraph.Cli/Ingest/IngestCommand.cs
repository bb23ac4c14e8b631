using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormsGraph.Cli.Batch;
using NormsGraph.Ingestion;
using NormsGraph.Ingestion.Pipeline;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Cli.Ingest;

/// <summary>
/// <c>ingest &lt;folders or files…&gt; [--concurrency N]</c>: bulk load through the same pipeline as the inbox
/// (validation, extraction, one store transaction per report). Files stay where they are; running it again
/// changes nothing, and a file whose content changed replaces its earlier version.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(Option<string?> taxonomyOption, Option<string?> storeOption)
    {
        var paths = new Argument<string[]>("paths") { Description = "Folders (read recursively) or report files.", Arity = ArgumentArity.OneOrMore };
        var concurrency = new Option<int?>("--concurrency") { Description = "Reports read and extracted at once (default: Ingestion:MaxConcurrency)." };
        concurrency.Validators.Add(r =>
        {
            if (r.GetValue(concurrency) is < 1)
            {
                r.AddError("--concurrency must be 1 or more.");
            }
        });
        var command = new Command("ingest", "Ingest report files into the store and print a summary.") { paths, concurrency };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(storeOption), parse.GetValue(taxonomyOption), Console.Error,
            (services, token) => RunAsync(services, parse.GetValue(paths)!, parse.GetValue(concurrency), BatchConsole.ForConsole(), Console.Error, token), ct));
        return command;
    }

    internal static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> paths, int? concurrency, BatchConsole console,
        TextWriter errors, CancellationToken cancellationToken)
    {
        var items = Collect(paths, errors, out var missing);
        if (items.Count == 0)
        {
            await errors.WriteLineAsync("normsgraph: no files to ingest.");
            return CliExitCodes.Refused;
        }
        var pipeline = services.GetRequiredService<ReportPipeline>();
        var parallelism = concurrency ?? services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxConcurrency;
        var report = await console.RunAsync("Ingesting", items.Count, completed => BatchRunner.RunAsync(items, parallelism, i => i.Source,
            (item, ct) => IngestOneAsync(pipeline, item, ct), completed, cancellationToken));
        // A path that does not exist is a failure of the batch like a refused file: counted, listed, and exit code 2.
        report = report with { Items = [.. report.Items, .. missing.Select(m => new BatchItemResult(m, BatchStatus.Failed, Detail: "NOT_FOUND: does not exist"))] };
        console.WriteSummary("ingest", report, services.GetService<EmbeddedGraphStore>()?.Path);
        return report.ExitCode;
    }

    private static async Task<BatchItemResult> IngestOneAsync(ReportPipeline pipeline, IngestItem item, CancellationToken cancellationToken)
    {
        try
        {
            return BatchItemResult.From(item.Source, await pipeline.IngestFileAsync(item.Path, item.Source, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Moved, deleted or locked since the folder was listed: say so and go on with the rest.
            return new BatchItemResult(item.Source, BatchStatus.Failed, Detail: "UNREADABLE: " + e.Message);
        }
    }

    /// <summary>
    /// The files to ingest, each with its source (its path relative to the folder argument it was found under, or its
    /// name for a file argument), and the paths that do not exist. Two different files with one source would be one
    /// document to the store, the later silently replacing the earlier (and which is later varies with the parallel
    /// run): that is refused before anything is written, naming both.
    /// </summary>
    internal static List<IngestItem> Collect(IEnumerable<string> paths, TextWriter errors, out List<string> missing)
    {
        var items = new List<IngestItem>();
        missing = [];
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                items.AddRange(ReportFiles.Walk(path, errors).Select(f => new IngestItem(f, Path.GetRelativePath(path, f).Replace('\\', '/'))));
            }
            else if (File.Exists(path))
            {
                items.Add(new IngestItem(path, Path.GetFileName(path)));
            }
            else
            {
                errors.WriteLine($"normsgraph: '{path}' does not exist.");
                missing.Add(path);
            }
        }
        // The same file named twice (a folder and a file in it given as the same source) is one item, not a clash.
        var unique = items.DistinctBy(i => (Path.GetFullPath(i.Path), i.Source)).ToList();
        var clashes = unique.GroupBy(i => i.Source, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (clashes.Count > 0)
        {
            var lines = clashes.Select(g => $"  '{g.Key}': {string.Join(", ", g.Select(i => i.Path))}");
            throw new CliFailure(
                "these files would be stored under the same source, each replacing the other; nothing was ingested:\n"
                + string.Join("\n", lines) + "\n"
                + "A report's source is its path relative to the folder given (its name for a file given). Give their common "
                + "parent folder instead (its subfolders then keep them apart), or ingest them in separate stores.",
                CliExitCodes.Refused);
        }
        return unique.OrderBy(i => i.Source, StringComparer.Ordinal).ToList();
    }
}
