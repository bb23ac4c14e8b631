namespace NormsGraph.Core.Matching;

/// <summary>
/// Stored statements as evidence for matching (implemented by the stores; rejected statements are never returned).
/// </summary>
public interface IStoredEvidenceSource
{
    /// <summary>The statements whose evidence vectors, computed by <paramref name="model"/>, are nearest to <paramref name="vector"/> (cosine).</summary>
    Task<IReadOnlyList<StoredEvidence>> FindNearestAsync(float[] vector, string model, int top, CancellationToken cancellationToken);

    /// <summary>The statements whose evidence ranks best for <paramref name="terms"/> by BM25; similarity is the BM25 score, higher better.</summary>
    Task<IReadOnlyList<StoredEvidence>> SearchLexicalAsync(IReadOnlyList<string> terms, int top, CancellationToken cancellationToken);
}
