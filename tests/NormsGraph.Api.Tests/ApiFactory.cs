using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.Tests;

/// <summary>The API on a temporary embedded store of its own; the inbox worker and seeding are off unless asked for.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ApiFactory(Dictionary<string, string?>? settings = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "normsgraph-api-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Store:Embedded:Path"] = Path.Combine(Folder, "graph.db"),
            ["Ingestion:Enabled"] = "false",
            ["Ingestion:SeedSamples"] = "false",
            ["Ingestion:Inbox"] = Path.Combine(Folder, "inbox"),
            ["Ingestion:Processed"] = Path.Combine(Folder, "processed"),
            ["Ingestion:Failed"] = Path.Combine(Folder, "failed"),
            ["Ingestion:MaxReportBytes"] = "20000",
            // The model loads only in the linking tests that ask for it (Matching:Semantic=true).
            ["Matching:Semantic"] = "false",
            ["Matching:TargetVectorCache"] = Path.Combine(Folder, "target-vectors.bin"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string Folder { get; }

    /// <summary>Every log entry of the host, as "Category|Level|EventId|message|exception type".</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The address every request comes from (the test server gives none), as a proxy in front of the API would be.</summary>
    public string? RemoteAddress { get; init; }

    /// <summary>Wraps the store so a test can count calls.</summary>
    public Func<IGraphStore, IGraphStore>? DecorateStore { get; init; }

    /// <summary>Changes to the API's services after its own registrations, e.g. to keep hold of a scoped service.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Logs)));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (RemoteAddress is { } remote)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(System.Net.IPAddress.Parse(remote))));
        }
        if (DecorateStore is { } decorate)
        {
            builder.ConfigureTestServices(services =>
            {
                var original = services.Last(d => d.ServiceType == typeof(IGraphStore));
                services.Remove(original);
                services.AddSingleton(sp => decorate((IGraphStore)original.ImplementationFactory!(sp)));
            });
        }
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>Sets the connection's remote address before anything of the API's runs.</summary>
internal sealed class RemoteAddressFilter(System.Net.IPAddress address) : IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(following => http =>
        {
            http.Connection.RemoteIpAddress = address;
            return following(http);
        });
        next(app);
    };
}
