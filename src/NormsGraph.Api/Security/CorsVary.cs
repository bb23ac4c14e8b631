using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NormsGraph.Api.Security;

/// <summary>
/// With CORS origins configured, every answer of an endpoint that takes part in CORS names <c>Origin</c> in <c>Vary</c>: its
/// CORS headers depend on the request's Origin, and ASP.NET Core says so only when a policy lists several origins, and never
/// on a request without one. A cache (the browser's own, a proxy) then kept the embed page's or a tool's copy of a graph
/// view, without <c>Access-Control-Allow-Origin</c>, and handed it to a dashboard's fetch of the same URL, which the browser
/// refused for max-age seconds.
/// </summary>
internal static class CorsVary
{
    /// <summary>Goes before <c>UseCors</c>: response-starting callbacks run last-registered first, so this one sees CORS's headers.</summary>
    public static WebApplication UseCorsVary(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.CorsOrigins.Count == 0)
        {
            return app;
        }
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var vary = http.Response.Headers.Vary;
                if (http.GetEndpoint()?.Metadata.GetMetadata<ICorsMetadata>() is not null
                    && !vary.Any(v => v?.Split(',', StringSplitOptions.TrimEntries).Contains(HeaderNames.Origin, StringComparer.OrdinalIgnoreCase) == true))
                {
                    http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
                }
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
