using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The graph view's SQL: non-rejected statements that pass the filters, grouped into positions (actor,
/// stance, target), for the whole graph or for the statements of a set of nodes. Lists travel as one JSON
/// parameter each (<c>json_each</c>), so a frontier of any size is a single, cacheable statement.
/// </summary>
internal sealed class EmbeddedGraphViewQuery(Func<CancellationToken, Task<SqliteConnection>> open)
{
    private const string Select = """
        SELECT s.actor_id, s.stance, s.target_id, count(*), min(r.date), max(r.date)
        FROM statements s
        JOIN reports r ON r.id = s.report_id
        JOIN actors a ON a.id = s.actor_id
        JOIN targets t ON t.id = s.target_id
        LEFT JOIN curation c ON c.statement_id = s.id
        LEFT JOIN events e ON e.id = s.event_id
        WHERE coalesce(c.status, 'extracted') <> 'rejected'
          AND ($stances IS NULL OR s.stance IN (SELECT value FROM json_each($stances)))
          AND ($types IS NULL OR a.type IN (SELECT value FROM json_each($types)))
          AND ($process IS NULL OR e.process_id = $process)
          AND ($from IS NULL OR r.date >= $from)
          AND ($to IS NULL OR r.date <= $to)
          AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
        """;

    private const string Group = "GROUP BY s.actor_id, s.stance, s.target_id HAVING count(*) >= $minStatements;";

    private const string WholeGraph = Select + "\n" + Group;

    // A union of two index seeks (by actor, by target): an OR of the two, or a "$touching IS NULL OR …" in one
    // statement, makes SQLite scan every statement.
    private const string Touching = Select + """
          AND s.rowid IN (SELECT rowid FROM statements WHERE actor_id IN (SELECT value FROM json_each($touching))
                          UNION SELECT rowid FROM statements WHERE target_id IN (SELECT value FROM json_each($touching)))
        """ + "\n" + Group;

    public Task<GraphView> GetAsync(GraphViewQuery query, IGraphStore lookups, CancellationToken cancellationToken) =>
        GraphViewBuilder.BuildAsync(query, (touching, token) => LinksAsync(query, touching, token), lookups, cancellationToken);

    private async Task<IReadOnlyList<GraphViewLink>> LinksAsync(GraphViewQuery query, IReadOnlyCollection<string>? touching, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = touching is null ? WholeGraph : Touching;
        if (touching is not null)
        {
            command.Parameters.AddWithValue("$touching", Json(touching));
        }
        command.Parameters.AddWithValue("$stances", Json(query.Stances?.Select(EnumNames.ToSnakeCase).ToList()));
        command.Parameters.AddWithValue("$types", Json(query.ActorTypes?.Select(EnumNames.ToSnakeCase).ToList()));
        command.Parameters.AddWithValue("$process", (object?)query.ProcessId ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", (object?)StoredDates.Text(query.From) ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)StoredDates.Text(query.To) ?? DBNull.Value);
        command.Parameters.AddWithValue("$minConfidence", (object?)query.MinConfidence ?? DBNull.Value);
        command.Parameters.AddWithValue("$minStatements", query.MinStatements);
        var links = new List<GraphViewLink>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add(new GraphViewLink(reader.GetString(0), EnumNames.Parse<Stance>(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3),
                Date(reader, 4), Date(reader, 5)));
        }
        return links;
    }

    // An empty list filters everything out, as in the Neo4j store; only null means "no filter".
    private static object Json(IReadOnlyCollection<string>? values) => values is null ? DBNull.Value : JsonSerializer.Serialize(values);

    private static DateOnly? Date(SqliteDataReader reader, int ordinal) =>
        StoredDates.Parse(EmbeddedRows.NullableString(reader, ordinal));
}
