namespace NormsGraph.Core.Matching;

/// <summary>A document's BM25 score for a query and the query terms that weighed most in it.</summary>
public sealed record Bm25Hit(string Id, double Score, IReadOnlyList<string> TopTerms);
