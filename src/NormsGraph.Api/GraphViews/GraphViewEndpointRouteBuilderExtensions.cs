using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NormsGraph.Api.Security;
using NormsGraph.Core.GraphViews;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphViews;

internal static class GraphViewEndpointRouteBuilderExtensions
{
    /// <summary>Sent (<c>true</c>) when the node limit cut the view: the CSV and GraphML bodies have nowhere to say it.</summary>
    public const string TruncatedHeader = "X-Graph-View-Truncated";

    /// <summary>
    /// The graph view over plain HTTP for dashboards and tools: Cytoscape.js elements, GraphML and two CSV files,
    /// each with a strong ETag of its bytes, so a dashboard polling an unchanged view gets a 304 and no body.
    /// </summary>
    public static IEndpointRouteBuilder MapGraphViews(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "/api/graph-view", GraphViewFormat.Cytoscape);
        Map(endpoints, "/api/graph-view.graphml", GraphViewFormat.GraphML);
        Map(endpoints, "/api/graph-view/nodes.csv", GraphViewFormat.NodesCsv);
        Map(endpoints, "/api/graph-view/edges.csv", GraphViewFormat.EdgesCsv);
        return endpoints;
    }

    // Dashboards call these from other origins, as they call /graphql: the same CORS policy, rate limit and read keys.
    // HEAD too, for caches and link checkers (Kestrel sends the headers and drops the body).
    private static void Map(IEndpointRouteBuilder endpoints, string pattern, GraphViewFormat format) =>
        endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head],
                (HttpContext http, IGraphStore store, IOptions<GraphViewOptions> options, IOptions<ApiOptions> api) =>
                    WriteAsync(http, store, options.Value, api.Value.ReadsNeedKey, format))
            .RequireCors(ApiSecurityServiceCollectionExtensions.CorsPolicy)
            .RequireRateLimiting(ApiSecurityServiceCollectionExtensions.RateLimitPolicy)
            .WithMetadata(new ErrorsAsProblemDetails())
            .RequireReadKey();

    private static async Task<IResult> WriteAsync(HttpContext http, IGraphStore store, GraphViewOptions options, bool readsNeedKey, GraphViewFormat format)
    {
        var (query, problem) = GraphViewRequest.Read(http.Request.Query);
        if (query is null)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad graph-view request",
                extensions: new Dictionary<string, object?> { ["code"] = "BAD_USER_INPUT" });
        }
        var view = await store.GetGraphViewAsync(query, http.RequestAborted);
        using var buffer = new MemoryStream();
        GraphViewWriter.Write(view, format, buffer);
        var bytes = buffer.ToArray();
        var etag = new EntityTagHeaderValue("\"" + Convert.ToBase64String(SHA256.HashData(bytes).AsSpan(0, 16)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"");

        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // An answer only key holders may read is the client's own: "public" let a shared cache (a reverse proxy, a CDN)
        // keep it and hand it to callers without a key for max-age seconds.
        headers.CacheControl = new CacheControlHeaderValue
        {
            Public = !readsNeedKey,
            Private = readsNeedKey,
            MaxAge = TimeSpan.FromSeconds(options.CacheSeconds),
        };
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        if (view.Truncated)
        {
            http.Response.Headers[TruncatedHeader] = "true";
        }
        if (format != GraphViewFormat.Cytoscape)
        {
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = GraphViewWriter.FileName(format) }.ToString();
        }
        return Results.Bytes(bytes, GraphViewWriter.MediaType(format) + "; charset=utf-8");
    }
}
