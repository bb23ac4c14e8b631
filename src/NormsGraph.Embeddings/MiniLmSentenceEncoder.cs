using System.Diagnostics;
using NormsGraph.Core.Matching;

namespace NormsGraph.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime, the model read from inside the NuGet package. The ONNX
/// session is created on first use and then shared: one per process, read-only, safe across threads. The
/// session is our own (<see cref="MiniLmSession"/>), not the package's encoder, which pads and copies tensors
/// element by element; the vectors are the package's.
/// </summary>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    public const string Model = "all-MiniLM-L6-v2";

    private readonly Lazy<MiniLmSession> _encoder;

    /// <param name="threads">ONNX Runtime's threads per inference (intra-op); null leaves its default (one per
    /// core). One is what a benchmark "per core" means, and what a worker extracting on every core wants.</param>
    public MiniLmSentenceEncoder(int? threads = null)
    {
        if (threads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread.");
        }
        _encoder = new Lazy<MiniLmSession>(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var encoder = new MiniLmSession(threads);
            LoadTime = Stopwatch.GetElapsedTime(started);
            return encoder;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsEnabled => true;

    public string ModelName => Model;

    public int Dimensions => MiniLmSession.Dimensions;

    /// <summary>How long loading the model took, once it has been loaded.</summary>
    public TimeSpan? LoadTime { get; private set; }

    public bool IsLoaded => _encoder.IsValueCreated;

    /// <summary>Loads the model now rather than on the first request.</summary>
    public void Load() => _ = _encoder.Value;

    /// <summary>Unit-length vectors, so a dot product is the cosine wherever they are compared (here, SQLite, Neo4j).</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        texts.Count == 0 ? [] : _encoder.Value.Encode(texts, cancellationToken);

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
