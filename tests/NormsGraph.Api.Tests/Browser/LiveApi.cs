using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.Tests.Browser;

/// <summary>
/// The API on real Kestrel, on a free loopback port, over a temporary store seeded with the sample reports:
/// what a browser needs (the in-memory test server cannot be reached from another process).
/// </summary>
public sealed class LiveApi : IAsyncDisposable
{
    private readonly ApiFactory _factory;

    private LiveApi(ApiFactory factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    /// <summary>Where the API listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public IGraphStore Store => _factory.Services.GetRequiredService<IGraphStore>();

    public IServiceProvider Services => _factory.Services;

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public Uri Url(string pathAndQuery) => new(Address, pathAndQuery);

    public static Task<LiveApi> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Ingestion:SeedSamples"] = "true",
            ["Ingestion:SamplesPath"] = RepositoryRoot.Combine("samples", "reports"),
            ["Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        var factory = new ApiFactory(all);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal)))
            .First();
        return Task.FromResult(new LiveApi(factory, new Uri(address.GetLeftPart(UriPartial.Authority) + "/")));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
