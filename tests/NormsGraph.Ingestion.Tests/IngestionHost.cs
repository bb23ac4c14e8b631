using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Ingestion.Inbox;
using NormsGraph.Ingestion.Pipeline;
using NormsGraph.Storage;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Ingestion.Tests;

/// <summary>
/// The ingestion services as a host composes them (AddGraphStore, AddIngestion), on a test folder. The
/// inbox worker is not started: tests drive it one pass at a time, or start the host to let it run.
/// </summary>
internal sealed class IngestionHost : IAsyncDisposable
{
    public const string WorkerId = "test-worker";

    private readonly IHost _host;
    private bool _disposed;

    private IngestionHost(IHost host, TestFolder folder)
    {
        _host = host;
        Folder = folder;
    }

    public TestFolder Folder { get; }
    public IServiceProvider Services => _host.Services;
    public IGraphStore Store => Services.GetRequiredService<IGraphStore>();
    public ReportPipeline Pipeline => Services.GetRequiredService<ReportPipeline>();
    public InboxWorker Worker => Services.GetServices<IHostedService>().OfType<InboxWorker>().Single();

    /// <summary>A flaky wrapper around the store when <c>flaky</c> was asked for.</summary>
    public FlakyGraphStore? Flaky { get; private set; }

    public static Dictionary<string, string?> DefaultSettings(TestFolder folder) => new()
    {
        ["Store:Embedded:Path"] = folder.StorePath,
        ["Ingestion:Inbox"] = folder.Inbox,
        ["Ingestion:Processed"] = folder.Processed,
        ["Ingestion:Failed"] = folder.Failed,
        ["Ingestion:Claimed"] = folder.Claimed,
        ["Ingestion:WorkerId"] = WorkerId,
        ["Ingestion:SettleTime"] = "00:00:00",
        ["Ingestion:PollInterval"] = "00:00:00.050",
        ["Ingestion:StoreRetries"] = "3",
        ["Ingestion:StoreRetryDelay"] = "00:00:00.001",
        ["Ingestion:MaxConcurrency"] = "2",
        ["Ingestion:SeedSamples"] = "false",
    };

    public static async Task<IngestionHost> StartAsync(TestFolder folder, Dictionary<string, string?>? settings = null, bool flaky = false,
        bool runWorker = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        var all = DefaultSettings(folder);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(all);
        builder.Services.AddMetrics();
        builder.Services.AddGraphStore(builder.Configuration);
        builder.Services.AddIngestion(builder.Configuration);
        if (flaky)
        {
            builder.Services.AddSingleton(sp => new FlakyGraphStore(sp.GetRequiredService<EmbeddedGraphStore>()));
            builder.Services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<FlakyGraphStore>());
        }
        var host = builder.Build();
        var ingestion = new IngestionHost(host, folder) { Flaky = flaky ? host.Services.GetRequiredService<FlakyGraphStore>() : null };
        if (runWorker)
        {
            await host.StartAsync(Ct);
        }
        else
        {
            // Schema and taxonomy, as at start, without the worker's own loop.
            foreach (var bootstrap in host.Services.GetServices<IHostedService>().OfType<GraphBootstrapper>())
            {
                await bootstrap.StartAsync(Ct);
            }
            host.Services.GetRequiredService<InboxFolders>().EnsureExist();
        }
        return ingestion;
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<PassSummary> PassAsync() => Worker.RunPassAsync(Ct);

    /// <summary>Runs passes until one finds nothing left to settle or to do (files are seen twice before they are taken).</summary>
    public async Task<List<PassSummary>> DrainAsync(int maxPasses = 10)
    {
        var passes = new List<PassSummary>();
        for (var i = 0; i < maxPasses; i++)
        {
            var pass = await PassAsync();
            passes.Add(pass);
            if (pass.Settling == 0 && pass.Processed + pass.Failed + pass.Requeued + pass.Errors + pass.Recovered == 0 && i > 0)
            {
                break;
            }
        }
        return passes;
    }

    public async Task<List<PositionRecord>> AllPositionsAsync()
    {
        var all = new List<PositionRecord>();
        string? after = null;
        do
        {
            var page = await Store.FindPositionsAsync(new PositionQuery(First: PositionQuery.MaxPageSize, After: after, IncludeRejected: true), Ct);
            all.AddRange(page.Items);
            after = page.HasNextPage ? new PositionCursor(PositionCursor.SortKey(page.Items[^1].Date), page.Items[^1].Id).Encode() : null;
        }
        while (after is not null);
        return all;
    }

    public async Task<List<Report>> ReportsAsync()
    {
        var reports = new List<Report>();
        await foreach (var report in Store.ReadReportsAsync(Ct))
        {
            reports.Add(report);
        }
        return reports;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
