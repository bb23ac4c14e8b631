using NormsGraph.Api.Security;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.Bench;

/// <summary>
/// Plain minimal-API endpoints that answer the benchmark's questions with the same store calls and rows as the
/// GraphQL fields, as JSON: the baseline the GraphQL layer is measured against (bench/api-bench.sh). Mapped only
/// when <c>Api:BenchEndpoints=true</c>.
/// </summary>
internal static class BenchEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapBenchEndpoints(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Api:BenchEndpoints"))
        {
            return endpoints;
        }
        var plain = endpoints.MapGroup("/bench/plain");
        plain.RequireReadKey();
        // (a) supporters of a norm with their actor and first evidence sentence (one batched evidence call), as the GraphQL `who` query asks.
        plain.MapGet("/supporters", async (string norm, IGraphStore store, CancellationToken ct) =>
        {
            var page = await store.FindPositionEdgesAsync(new PositionEdgeQuery(norm, Stance: Stance.Support, First: 20), ct);
            var actors = await store.GetActorsAsync([.. page.Items.Select(e => e.ActorId)], ct);
            var evidence = await store.FindEvidenceAsync([.. page.Items.Select(PositionEdgeKey.Of)], 1, ct);
            var rows = page.Items.Select(edge => new
            {
                actor = actors.TryGetValue(edge.ActorId, out var a) ? new { a.Id, a.Name } : null,
                edge.Statements,
                edge.First,
                edge.Last,
                evidence = evidence.GetValueOrDefault(PositionEdgeKey.Of(edge), []).Select(p => p.Evidence),
            });
            return Results.Json(new { page.TotalCount, rows });
        });
        // (b) an actor's positions with targets.
        plain.MapGet("/actor", async (string actor, IGraphStore store, CancellationToken ct) =>
        {
            var page = await store.FindPositionsAsync(new PositionQuery(ActorId: actor, First: 20), ct);
            var targets = await store.GetTargetsAsync([.. page.Items.Select(p => p.TargetId)], ct);
            return Results.Json(new
            {
                page.TotalCount,
                rows = page.Items.Select(p => new { p.Id, p.Stance, target = targets.GetValueOrDefault(p.TargetId)?.Name, p.Evidence, p.Date }),
            });
        });
        // (c) search, without snippets, as the GraphQL query that does not ask for them.
        plain.MapGet("/search", async (string text, IGraphStore store, CancellationToken ct) =>
        {
            var page = await store.SearchAsync(new SearchQuery(text, First: 10, Snippets: false), ct);
            return Results.Json(new { page.TotalCount, rows = page.Items.Select(h => new { h.Kind, h.Id, h.Title, h.Score }) });
        });
        // (d) a timeline per year with who joined (a page of 100 per period, as the GraphQL query asks).
        plain.MapGet("/timeline", async (string norm, IGraphStore store, CancellationToken ct) =>
        {
            var periods = (await store.GetTimelineAsync(norm, TimelineGranularity.Year, ct))
                .Select(p => p with { JoinedActorIds = [.. p.JoinedActorIds.Take(PositionQuery.MaxPageSize)] }).ToList();
            var actors = await store.GetActorsAsync([.. periods.SelectMany(p => p.JoinedActorIds).Distinct()], ct);
            return Results.Json(periods.Select(p => new
            {
                p.Period,
                p.Stance,
                p.Actors,
                joined = p.JoinedActorIds.Select(id => actors.GetValueOrDefault(id)?.Name),
            }));
        });
        // (e) supporters of a norm, each with its first five reports (one batched call for the page's reports).
        plain.MapGet("/supporter-reports", async (string norm, IGraphStore store, CancellationToken ct) =>
        {
            var page = await store.FindPositionEdgesAsync(new PositionEdgeQuery(norm, Stance: Stance.Support, First: 20), ct);
            var reports = await store.FindStanceReportsAsync([.. page.Items.Select(PositionEdgeKey.Of)], 5, null, ct);
            return Results.Json(new
            {
                page.TotalCount,
                rows = page.Items.Select(edge => new
                {
                    actor = edge.ActorId,
                    reports = reports.TryGetValue(PositionEdgeKey.Of(edge), out var r)
                        ? new { r.TotalCount, rows = r.Items.Select(x => new { x.Title, x.Date }) }
                        : null,
                }),
            });
        });
        return endpoints;
    }
}
