using System.Net;

namespace NormsGraph.Api.Security;

/// <summary>Where the host will listen, read from configuration (<c>urls</c>, which ASPNETCORE_URLS, --urls and <c>Urls</c> all set, and Kestrel endpoints).</summary>
internal static class ListenAddresses
{
    public const string Default = "http://127.0.0.1:5080";

    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.Count == 0 ? [Default] : urls;
    }

    public static bool AllLoopback(IEnumerable<string> urls) => urls.All(IsLoopback);

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (http://*:80, http://+:80, http://0.0.0.0:80) mean every interface.
        var host = url.Split("://", 2) is [_, var rest] ? rest : url;
        host = host.Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
