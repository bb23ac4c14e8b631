using System.Text;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// Linking over Neo4j: the native vector index (<c>db.index.vector.queryNodes</c>, Neo4j 5.13+) over evidence
/// vectors kept on the statements, and the full-text index over their evidence. The same answers as the embedded
/// index up to the scoring of the lexical side (Lucene against FTS5 BM25: both rank, neither score is compared).
/// </summary>
internal sealed class Neo4jStatementIndex(Neo4jQueryClient client) : IStatementIndex
{
    // The vector index is approximate and filtered after it answers; asking for more keeps `top` after filtering.
    private const int Oversample = 4;

    public async Task<IReadOnlyList<StoredEvidence>> FindNearestAsync(float[] vector, string model, int top, CancellationToken cancellationToken)
    {
        if (top <= 0)
        {
            return [];
        }
        var rows = await client.RunAsync(Neo4jLinkingQueries.Nearest.With(
            ("candidates", top * Oversample), ("top", top), ("vector", vector), ("model", model)), cancellationToken);
        // Neo4j reports cosine similarity as (1 + cos) / 2.
        return rows.Records.Select(r => Row(r, 2 * r.GetDouble("score") - 1)).ToList();
    }

    public async Task<IReadOnlyList<StoredEvidence>> SearchLexicalAsync(IReadOnlyList<string> terms, int top, CancellationToken cancellationToken)
    {
        var query = LuceneQuery(terms);
        if (query is null || top <= 0)
        {
            return [];
        }
        var rows = await client.RunAsync(Neo4jLinkingQueries.FullText.With(("query", query), ("top", top)), cancellationToken);
        return rows.Records.Select(r => Row(r, r.GetDouble("score"))).ToList();
    }

    public async Task<IReadOnlyList<PendingVector>> FindStatementsWithoutVectorAsync(string model, int limit, CancellationToken cancellationToken)
    {
        var rows = await client.RunAsync(Neo4jLinkingQueries.WithoutVector.With(("model", model), ("limit", limit)), cancellationToken);
        return rows.Records.Select(r => new PendingVector(r.GetString("id"), r.GetString("evidence"))).ToList();
    }

    public async Task SaveVectorsAsync(string model, IReadOnlyList<StatementVector> vectors, CancellationToken cancellationToken)
    {
        if (vectors.Count == 0)
        {
            return;
        }
        await client.RunAsync(Neo4jLinkingQueries.SaveVectors.With(("model", model),
            ("vectors", vectors.Select(v => new { Id = v.StatementId, v.Vector }).ToList())), cancellationToken);
    }

    // Lucene query syntax gives meaning to + - && || ! ( ) { } [ ] ^ " ~ * ? : \ / and to AND/OR/NOT: every term
    // is quoted (inner quotes and backslashes escaped) and the terms are OR-ed.
    internal static string? LuceneQuery(IReadOnlyList<string> terms)
    {
        var quoted = terms.Where(t => t.Any(char.IsLetterOrDigit))
            .Select(t => new StringBuilder("\"").Append(t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"').ToString())
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(64).ToList();
        return quoted.Count == 0 ? null : string.Join(" OR ", quoted);
    }

    private static StoredEvidence Row(Neo4jRecord r, double similarity) => new(
        r.GetString("id"), r.GetString("targetId"), r.GetString("evidence"), r.GetString("actorId"), r.GetString("reportId"),
        EnumNames.Parse<StatementStatus>(r.GetString("status")), Math.Round(similarity, 4));
}
