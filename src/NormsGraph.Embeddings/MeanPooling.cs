using System.Numerics.Tensors;

namespace NormsGraph.Embeddings;

/// <summary>
/// The sentence vector all-MiniLM-L6-v2 was trained to give: the mean of its token vectors ([CLS] and [SEP]
/// included, padding excluded), scaled to unit length. Summed token by token in order and scaled by reciprocals,
/// as the package does, so the vectors agree with the ones already stored to the last bits.
/// </summary>
internal static class MeanPooling
{
    public static void Pool(ReadOnlySpan<float> tokenVectors, int tokens, Span<float> vector)
    {
        var dimensions = vector.Length;
        vector.Clear();
        for (var t = 0; t < tokens; t++)
        {
            TensorPrimitives.Add(vector, tokenVectors.Slice(t * dimensions, dimensions), vector);
        }
        TensorPrimitives.Multiply(vector, 1f / Math.Max(tokens, 1), vector);
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Multiply(vector, 1f / norm, vector);
        }
    }
}
