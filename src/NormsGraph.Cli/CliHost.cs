using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Ingestion;
using NormsGraph.Storage;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Cli;

/// <summary>
/// The services behind the store-backed commands, composed like the API's (AddGraphStore, AddIngestion)
/// and configured the same way: appsettings.json beside the binary, then environment variables such as
/// <c>Store__Embedded__Path</c>, then <c>--store</c> and <c>--taxonomy</c>. The inbox worker never runs here,
/// and the samples are never seeded: a command does only what it was asked.
/// </summary>
internal static class CliHost
{
    /// <summary>Starts the services (schema and taxonomy are applied to the store), runs <paramref name="work"/>, and stops them.</summary>
    /// <param name="existingStore">
    /// For commands that only read or update what is stored (export, reextract): an embedded store file that does not
    /// exist is refused instead of created, since it is far more likely a typo than a wish for an empty answer.
    /// </param>
    public static async Task<int> RunAsync(string? storePath, string? taxonomyPath, TextWriter errors,
        Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken,
        Action<IServiceCollection, IConfiguration>? configure = null, bool existingStore = false)
    {
        var host = Build(storePath, taxonomyPath, configure);
        using (host)
        {
            try
            {
                if (existingStore && EmbeddedStorePath(host.Services) is { } path && !File.Exists(path))
                {
                    throw new CliFailure($"the store {path} does not exist (check --store); this command reads an existing store, and ingest creates one.");
                }
                await host.StartAsync(cancellationToken);
            }
            catch (Exception e) when (CliErrors.Describe(e) is { } reason)
            {
                // Opening the store is what touches the disk at start; these failures are about its file.
                var where = e is SqliteException or IOException or UnauthorizedAccessException && EmbeddedStorePath(host.Services) is { } store
                    ? $"store {store}: "
                    : "";
                await errors.WriteLineAsync($"normsgraph: {where}{reason}");
                return CliErrors.ExitCodeOf(e);
            }
            try
            {
                return await work(host.Services, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
    }

    private static string? EmbeddedStorePath(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StoreOptions>>().Value.Provider == StoreProvider.Embedded
            ? Path.GetFullPath(services.GetRequiredService<IOptions<EmbeddedStoreOptions>>().Value.Path)
            : null;

    internal static IHost Build(string? storePath, string? taxonomyPath, Action<IServiceCollection, IConfiguration>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var overrides = new Dictionary<string, string?>
        {
            [$"{IngestionOptions.SectionName}:{nameof(IngestionOptions.Enabled)}"] = "false",
            [$"{IngestionOptions.SectionName}:{nameof(IngestionOptions.SeedSamples)}"] = "false",
        };
        if (!string.IsNullOrWhiteSpace(storePath))
        {
            overrides["Store:Embedded:Path"] = storePath;
        }
        if (!string.IsNullOrWhiteSpace(taxonomyPath))
        {
            overrides[$"{TaxonomyOptions.SectionName}:{nameof(TaxonomyOptions.Path)}"] = taxonomyPath;
        }
        builder.Configuration.AddInMemoryCollection(overrides);

        // Standard output carries the command's results; diagnostics go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // The command reports a failure to start itself, in one line; the host would add its own copy with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();

        builder.Services.AddGraphStore(builder.Configuration);
        builder.Services.AddIngestion(builder.Configuration);
        configure?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
