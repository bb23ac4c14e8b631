using System.Numerics.Tensors;

namespace NormsGraph.Core.Matching;

/// <summary>
/// Vectors of every target's description and wordings, encoded once. A statement is compared with all of
/// them by dot product (the vectors have unit length, so this is the cosine).
/// </summary>
public sealed class SemanticTargetIndex
{
    private readonly TargetVectors[] _targets;

    public SemanticTargetIndex(IReadOnlyList<TargetDocument> documents, ISentenceEncoder encoder, CancellationToken cancellationToken = default)
    {
        var texts = new List<string>();
        foreach (var document in documents)
        {
            texts.Add(document.Description);
            texts.AddRange(document.Wordings);
        }
        var vectors = encoder.Encode(texts, cancellationToken);
        _targets = new TargetVectors[documents.Count];
        var next = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var description = vectors[next++];
            var wordings = new float[documents[d].Wordings.Count][];
            for (var w = 0; w < wordings.Length; w++)
            {
                wordings[w] = vectors[next++];
            }
            _targets[d] = new TargetVectors(documents[d], description, wordings);
        }
        ModelName = encoder.ModelName;
    }

    public string ModelName { get; }

    /// <summary>Each target's similarity to the statement: to its description and to its closest wording.</summary>
    public IReadOnlyList<SemanticScore> Score(ReadOnlySpan<float> statement)
    {
        var scores = new SemanticScore[_targets.Length];
        for (var t = 0; t < _targets.Length; t++)
        {
            var target = _targets[t];
            var description = TensorPrimitives.Dot(statement, target.Description);
            double best = double.MinValue;
            var bestWording = -1;
            for (var w = 0; w < target.Wordings.Length; w++)
            {
                var similarity = TensorPrimitives.Dot(statement, target.Wordings[w]);
                if (similarity > best)
                {
                    (best, bestWording) = (similarity, w);
                }
            }
            scores[t] = new SemanticScore(target.Document.TargetId, description,
                bestWording < 0 ? description : best, bestWording < 0 ? null : target.Document.Wordings[bestWording]);
        }
        return scores;
    }

    private sealed record TargetVectors(TargetDocument Document, float[] Description, float[][] Wordings);
}
