using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NormsGraph.Api.Health;

internal static class HealthEndpointRouteBuilderExtensions
{
    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the store and the ingestion worker.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteAsync,
        });
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var detailed = ShowsDetails(http);
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = detailed ? e.Value.Description : null,
                data = detailed ? e.Value.Data : null,
            }),
        });
    }

    /// <summary>
    /// Descriptions and data (the store's file path or Neo4j address, counts, a failure's message) go to callers on this
    /// machine only (an operator, the container's own probe, an in-process test host); a probe from elsewhere reads the
    /// statuses, which is all it acts on. A request still carrying forwarding headers came through a proxy on this
    /// machine for someone elsewhere (a trusted proxy's headers are consumed once read, see <c>TrustedProxies</c>).
    /// </summary>
    internal static bool ShowsDetails(HttpContext http) =>
        (http.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address))
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
}
