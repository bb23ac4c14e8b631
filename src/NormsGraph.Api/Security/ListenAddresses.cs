using System.Net;

namespace NormsGraph.Api.Security;

/// <summary>
/// Where the host will listen, read from configuration the way Kestrel reads it: <c>urls</c> (which ASPNETCORE_URLS,
/// --urls and <c>Urls</c> all set) and Kestrel endpoints; failing those, <c>http_ports</c> and <c>https_ports</c>
/// (ASPNETCORE_HTTP_PORTS, HTTP_PORTS…, which mean every interface); failing all, the loopback default.
/// </summary>
internal static class ListenAddresses
{
    public const string Default = "http://127.0.0.1:5080";

    public static bool Configured(IConfiguration configuration) => Chosen(configuration).Count > 0;

    public static IReadOnlyList<string> From(IConfiguration configuration) => Chosen(configuration) is { Count: > 0 } urls ? urls : [Default];

    private static List<string> Chosen(IConfiguration configuration)
    {
        var urls = Split(configuration["urls"]).ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        if (urls.Count == 0)
        {
            urls.AddRange(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"));
            urls.AddRange(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        }
        return urls;
    }

    private static string[] Split(string? list) => (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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
