using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Storage;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion;

/// <summary>
/// Runs before the host serves: creates the store schema, writes the taxonomy, and on an empty store
/// ingests the sample reports so a first query answers something.
/// </summary>
internal sealed class GraphBootstrapper(
    IGraphStore store,
    Core.Taxonomy.Taxonomy taxonomy,
    ReportPipeline pipeline,
    IOptions<IngestionOptions> options,
    ILogger<GraphBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await store.ApplyTaxonomyAsync(TaxonomyGraph.From(taxonomy), cancellationToken);
        if (options.Value.SeedSamples && (await store.GetStatisticsAsync(cancellationToken)).Reports == 0)
        {
            await SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = FindSamples(options.Value.SamplesPath);
        if (folder is null)
        {
            Log.NoSamples(logger, options.Value.SamplesPath);
            return;
        }
        var files = Directory.EnumerateFiles(folder).Where(f => ReportReader.FormatFromExtension(f) is not null).Order(StringComparer.Ordinal).ToList();
        Log.Seeding(logger, files.Count, folder);
        foreach (var path in files)
        {
            await pipeline.IngestFileAsync(path, "samples/" + Path.GetFileName(path), cancellationToken);
        }
    }

    // `dotnet run --project src/NormsGraph.Api` runs from the repository root, tests from bin folders.
    private static string? FindSamples(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Directory.Exists(path) ? path : null;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
