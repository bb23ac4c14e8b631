using NormsGraph.Core.Matching;

namespace NormsGraph.Cli.Bench;

/// <summary>Counts the texts that reach the model, so the benchmark can say how many sentences it really encoded.</summary>
internal sealed class CountingSentenceEncoder(ISentenceEncoder inner) : ISentenceEncoder
{
    private long _texts;

    public bool IsEnabled => inner.IsEnabled;

    public string ModelName => inner.ModelName;

    public int Dimensions => inner.Dimensions;

    public long Texts => Interlocked.Read(ref _texts);

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _texts, texts.Count);
        return inner.Encode(texts, cancellationToken);
    }

    public void Reset() => Interlocked.Exchange(ref _texts, 0);
}
