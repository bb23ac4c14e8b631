using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormsGraph.Cli.Batch;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Ingestion;
using NormsGraph.Ingestion.Pipeline;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Cli.Reextract;

/// <summary>
/// <c>reextract</c>: runs the current extractor over every stored report (the store keeps their text) and
/// applies the results, so an improved extractor or taxonomy updates the graph without the original files.
/// Reports already extracted by this version are left alone; curation decisions survive on statements
/// the new extraction still finds.
/// </summary>
internal static class ReextractCommand
{
    public static Command Create(Option<string?> taxonomyOption, Option<string?> storeOption)
    {
        var concurrency = new Option<int?>("--concurrency") { Description = "Reports extracted at once (default: Ingestion:MaxConcurrency)." };
        var command = new Command("reextract", "Re-run the current extractor over every stored report and update the graph.") { concurrency };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse.GetValue(storeOption), parse.GetValue(taxonomyOption), Console.Error,
            (services, token) => RunAsync(services, parse.GetValue(concurrency), BatchConsole.ForConsole(), token), ct, existingStore: true));
        return command;
    }

    internal static async Task<int> RunAsync(IServiceProvider services, int? concurrency, BatchConsole console, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IGraphStore>();
        var pipeline = services.GetRequiredService<ReportPipeline>();
        // Read everything first: an adapter may page its enumeration, and rewriting reports under a live cursor could skip some.
        var reports = new List<Report>();
        await foreach (var report in store.ReadReportsAsync(cancellationToken))
        {
            reports.Add(report);
        }
        var version = pipeline.ExtractorVersion;
        var parallelism = concurrency ?? services.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxConcurrency;
        var result = await console.RunAsync($"Re-extracting with {version}", reports.Count, completed => BatchRunner.RunAsync(reports, parallelism,
            SourceOf,
            async (report, ct) => report.ExtractorVersion == version
                ? new BatchItemResult(SourceOf(report), BatchStatus.Unchanged, Detail: "already extracted by " + version)
                // An analyst chose its speaker, targets and stance: reading its text again would only lose them.
                : report.ExtractorVersion == FiledStatements.ExtractorVersion
                    ? new BatchItemResult(SourceOf(report), BatchStatus.Unchanged, Detail: "filed by an analyst, not extracted")
                    : BatchItemResult.From(SourceOf(report), await pipeline.ReextractAsync(report, ct)),
            completed, cancellationToken));
        console.WriteSummary($"reextract ({version})", result, services.GetService<EmbeddedGraphStore>()?.Path);
        return result.ExitCode;
    }

    private static string SourceOf(Report report) => report.Source ?? report.Id;
}
