using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// The graph view over Neo4j: <c>graph_view_links.cypher</c> aggregates the statements that pass the filters
/// into positions, and the shared <see cref="GraphViewBuilder"/> walks and cuts them exactly as the embedded
/// store does, so both give the same view.
/// </summary>
internal sealed class Neo4jGraphViewQuery(Neo4jQueryClient client)
{
    public Task<GraphView> GetAsync(GraphViewQuery query, IGraphStore lookups, CancellationToken cancellationToken) =>
        GraphViewBuilder.BuildAsync(query, (touching, token) => LinksAsync(query, touching, token), lookups, cancellationToken);

    private async Task<IReadOnlyList<GraphViewLink>> LinksAsync(GraphViewQuery query, IReadOnlyCollection<string>? touching, CancellationToken cancellationToken)
    {
        var rows = await client.RunAsync(Neo4jQueries.GraphViewLinks.With(
            ("touching", touching?.ToList()),
            ("stances", query.Stances?.Select(EnumNames.ToSnakeCase).ToList()),
            ("actorTypes", query.ActorTypes?.Select(EnumNames.ToSnakeCase).ToList()),
            ("processId", query.ProcessId),
            ("from", StoredDates.Text(query.From)),
            ("to", StoredDates.Text(query.To)),
            ("minConfidence", query.MinConfidence),
            ("minStatements", query.MinStatements)), cancellationToken);
        return [.. rows.Records.Select(r => new GraphViewLink(r.GetString("actorId"), EnumNames.Parse<Stance>(r.GetString("stance")),
            r.GetString("targetId"), r.GetInt32("statements"), r.GetNullableDate("first"), r.GetNullableDate("last")))];
    }

}
