using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Ingestion;
using NormsGraph.Storage;

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
    public static async Task<int> RunAsync(string? storePath, string? taxonomyPath, TextWriter errors,
        Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken,
        Action<IServiceCollection, IConfiguration>? configure = null)
    {
        IHost host;
        try
        {
            host = Build(storePath, taxonomyPath, configure);
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is OptionsValidationException or StoreUnavailableException or TaxonomyException)
        {
            await errors.WriteLineAsync($"normsgraph: {e.Message}");
            return 1;
        }
        using (host)
        {
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
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

        builder.Services.AddGraphStore(builder.Configuration);
        builder.Services.AddIngestion(builder.Configuration);
        configure?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
