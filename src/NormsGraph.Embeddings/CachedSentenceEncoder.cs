using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NormsGraph.Core.Matching;

namespace NormsGraph.Embeddings;

/// <summary>
/// An encoder that remembers vectors in a file, keyed by the model and a hash of the text, so the taxonomy's
/// ~900 target wordings are encoded once per machine rather than at every start (seconds of CPU each time).
/// Meant for a fixed vocabulary, not for statements: their vectors live in the store. A corrupt or foreign
/// file is ignored and rewritten.
/// </summary>
public sealed class CachedSentenceEncoder : ISentenceEncoder
{
    private const int KeyBytes = 16;

    private readonly ISentenceEncoder _inner;
    private readonly string? _path;
    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _write = new();

    public CachedSentenceEncoder(ISentenceEncoder inner, string? path)
    {
        _inner = inner;
        _path = string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
        Load();
    }

    public bool IsEnabled => _inner.IsEnabled;

    public string ModelName => _inner.ModelName;

    public int Dimensions => _inner.Dimensions;

    /// <summary>Vectors encoded by the model (not found in the cache) since this instance was made.</summary>
    public int Misses { get; private set; }

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_vectors.TryGetValue(Key(texts[i]), out var vector))
            {
                result[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }
        foreach (var chunk in missing.Chunk(32))
        {
            var encoded = _inner.Encode(chunk.Select(i => texts[i]).ToList(), cancellationToken);
            for (var j = 0; j < chunk.Length; j++)
            {
                result[chunk[j]] = encoded[j];
                _vectors[Key(texts[chunk[j]])] = encoded[j];
            }
            Append(chunk.Select(i => (Key(texts[i]), result[i])).ToList());
        }
        Misses += missing.Count;
        return result;
    }

    private string Key(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ModelName + "\n" + text)).AsSpan(0, KeyBytes));

    private void Load()
    {
        // A switched-off encoder has no dimensions: it must leave the file of the real one alone.
        if (_path is null || !_inner.IsEnabled || Dimensions <= 0 || !File.Exists(_path))
        {
            return;
        }
        try
        {
            var bytes = File.ReadAllBytes(_path);
            var record = KeyBytes + Dimensions * sizeof(float);
            if (bytes.Length % record != 0)
            {
                File.Delete(_path);
                return;
            }
            for (var offset = 0; offset < bytes.Length; offset += record)
            {
                var key = Convert.ToHexString(bytes, offset, KeyBytes);
                _vectors[key] = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(offset + KeyBytes, Dimensions * sizeof(float))).ToArray();
            }
        }
        catch (IOException)
        {
            _vectors.Clear();
        }
    }

    private void Append(IReadOnlyList<(string Key, float[] Vector)> entries)
    {
        if (_path is null)
        {
            return;
        }
        lock (_write)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
                foreach (var (key, vector) in entries)
                {
                    file.Write(Convert.FromHexString(key));
                    file.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A read-only folder costs only speed: the vectors are encoded again next start.
            }
        }
    }
}
