using NormsGraph.Core.Matching;

namespace NormsGraph.Embeddings.Tests;

/// <summary>A deterministic encoder (length and first letter) that counts the texts it was asked to encode.</summary>
internal sealed class CountingEncoder(string model = "counting") : ISentenceEncoder
{
    public bool IsEnabled => true;

    public string ModelName => model;

    public int Dimensions => 4;

    public int Encoded { get; private set; }

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Encoded += texts.Count;
        return [.. texts.Select(t => new float[] { t.Length, t.Length > 0 ? t[0] : 0, 1, 0 })];
    }
}
