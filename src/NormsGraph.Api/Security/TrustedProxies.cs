using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace NormsGraph.Api.Security;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so the per-address rate limit would be one
/// limit for everybody. The forwarded headers are believed only from the proxies <see cref="ApiOptions.TrustedProxies"/>
/// names; with none named they are ignored, since any client could send them.
/// </summary>
internal static class TrustedProxies
{
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.TrustedProxies;
        if (proxies.Count == 0)
        {
            return app;
        }
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The defaults trust loopback; only what is configured counts.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in proxies.Select(Parse).OfType<IPNetwork>())
        {
            options.KnownIPNetworks.Add(network);
        }
        app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>An address as the network of that one address, a network as itself; null when it is neither.</summary>
    public static IPNetwork? Parse(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
        : null;
}
