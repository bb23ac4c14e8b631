using NormsGraph.Embeddings;

namespace NormsGraph.Embeddings.Tests;

/// <summary>Loads the model once for the tests that share it.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmSentenceEncoder Encoder { get; } = new();

    public void Dispose() => Encoder.Dispose();
}
