namespace NormsGraph.Core.Matching;

/// <summary>
/// Okapi BM25 over a small, fixed set of documents (one per target), in memory: extraction needs a lexical
/// ranking without a store. Stored evidence is ranked by the store itself (FTS5 or Neo4j full text).
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly string[] _ids;
    private readonly Dictionary<string, int>[] _termCounts;
    private readonly int[] _lengths;
    private readonly double _averageLength;
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);

    public Bm25Index(IReadOnlyList<(string Id, string Text)> documents)
    {
        _ids = new string[documents.Count];
        _termCounts = new Dictionary<string, int>[documents.Count];
        _lengths = new int[documents.Count];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            _ids[d] = documents[d].Id;
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (stem, _) in MatchTerms.Of(documents[d].Text))
            {
                counts[stem] = counts.GetValueOrDefault(stem) + 1;
            }
            _termCounts[d] = counts;
            _lengths[d] = counts.Values.Sum();
            foreach (var stem in counts.Keys)
            {
                documentFrequency[stem] = documentFrequency.GetValueOrDefault(stem) + 1;
            }
        }
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
        foreach (var (stem, df) in documentFrequency)
        {
            _idf[stem] = Math.Log(1 + (documents.Count - df + 0.5) / (df + 0.5));
        }
    }

    /// <summary>Every document with a positive score, best first, with the query terms that contributed most.</summary>
    public IReadOnlyList<Bm25Hit> Search(IReadOnlyList<(string Stem, string Surface)> query)
    {
        var distinct = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (stem, surface) in query)
        {
            distinct.TryAdd(stem, surface);
        }
        var hits = new List<Bm25Hit>();
        for (var d = 0; d < _ids.Length; d++)
        {
            double score = 0;
            var contributions = new List<(string Surface, double Weight)>();
            foreach (var (stem, surface) in distinct)
            {
                if (!_termCounts[d].TryGetValue(stem, out var tf))
                {
                    continue;
                }
                var weight = _idf[stem] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * _lengths[d] / _averageLength));
                score += weight;
                contributions.Add((surface, weight));
            }
            if (score > 0)
            {
                hits.Add(new Bm25Hit(_ids[d], score,
                    contributions.OrderByDescending(c => c.Weight).Select(c => c.Surface).Take(4).ToList()));
            }
        }
        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        return hits;
    }
}
