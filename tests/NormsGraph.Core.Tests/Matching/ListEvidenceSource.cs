using System.Numerics.Tensors;
using NormsGraph.Core.Matching;

namespace NormsGraph.Core.Tests.Matching;

/// <summary>Stored statements held in a list, ranked by real cosine (vectors) or shared word count (lexical), like the stores do.</summary>
internal sealed class ListEvidenceSource(IEnumerable<(StoredEvidence Evidence, float[] Vector)> statements) : IStoredEvidenceSource
{
    private readonly List<(StoredEvidence Evidence, float[] Vector)> _statements = [.. statements];

    public Task<IReadOnlyList<StoredEvidence>> FindNearestAsync(float[] vector, string model, int top, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredEvidence>>(_statements
            .Select(s => s.Evidence with { Similarity = TensorPrimitives.Dot(vector, s.Vector) })
            .OrderByDescending(e => e.Similarity).Take(top).ToList());

    public Task<IReadOnlyList<StoredEvidence>> SearchLexicalAsync(IReadOnlyList<string> terms, int top, CancellationToken cancellationToken)
    {
        var words = terms.Select(t => t.ToLowerInvariant()).ToHashSet();
        return Task.FromResult<IReadOnlyList<StoredEvidence>>(_statements
            .Select(s => s.Evidence with { Similarity = s.Evidence.Evidence.ToLowerInvariant().Split(' ', '.', ',').Count(words.Contains) })
            .Where(e => e.Similarity > 0).OrderByDescending(e => e.Similarity).Take(top).ToList());
    }
}
