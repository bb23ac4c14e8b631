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
        var command = new Command("ingest", "Ingest report files into the store and print a summary.") { paths, concurrency };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(storeOption), parse.GetValue(taxonomyOption), Console.Error,
            (services, token) => RunAsync(services, parse.GetValue(paths)!, parse.GetValue(concurrency), BatchConsole.ForConsole(), Console.Error, token), ct));
        return command;
    }

    internal static async Task<int> RunAsync(IServiceProvider services, IEnumerable<string> paths, int? concurrency, BatchConsole console,
        TextWriter errors, CancellationToken cancellationToken)
    {
        var items = Collect(paths, errors);
        if (items.Count == 0)
        {
            await errors.WriteLineAsync("normsgraph: no files to ingest.");
            return 2;
        }
        var pipeline = services.GetRequiredService<ReportPipeline>();
        var parallelism = concurrency ?? services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxConcurrency;
        var report = await console.RunAsync("Ingesting", items.Count, completed => BatchRunner.RunAsync(items, parallelism, i => i.Source,
            (item, ct) => IngestOneAsync(pipeline, item, ct), completed, cancellationToken));
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

    internal static List<IngestItem> Collect(IEnumerable<string> paths, TextWriter errors)
    {
        // Hidden files (dot-files) are editor and OS droppings; every other file is reported on, refused ones included.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var items = new List<IngestItem>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                items.AddRange(Directory.EnumerateFiles(path, "*", options)
                    .Select(f => new IngestItem(f, Path.GetRelativePath(path, f).Replace('\\', '/'))));
            }
            else if (File.Exists(path))
            {
                items.Add(new IngestItem(path, Path.GetFileName(path)));
            }
            else
            {
                errors.WriteLine($"normsgraph: '{path}' does not exist.");
            }
        }
        return items.OrderBy(i => i.Source, StringComparer.Ordinal).ToList();
    }
}
