using NormsGraph.Embeddings;

namespace NormsGraph.Embeddings.Tests;

public sealed class CachedSentenceEncoderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "normsgraph-embeddings-tests", Guid.NewGuid().ToString("N"));

    private string CachePath => Path.Combine(_folder, "cache", "vectors.bin");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_second_process_reads_the_vectors_from_the_file_instead_of_encoding_them()
    {
        var first = new CountingEncoder();
        var a = new CachedSentenceEncoder(first, CachePath).Encode(["protect CERTs", "international law applies"], TestContext.Current.CancellationToken);
        var second = new CountingEncoder();
        var b = new CachedSentenceEncoder(second, CachePath).Encode(["international law applies", "protect CERTs", "a new wording"], TestContext.Current.CancellationToken);

        Assert.Equal(2, first.Encoded);
        Assert.Equal(1, second.Encoded);
        Assert.Equal(a[0], b[1]);
        Assert.Equal(a[1], b[0]);
    }

    [Fact]
    public void Vectors_of_another_model_are_not_reused()
    {
        new CachedSentenceEncoder(new CountingEncoder("model-a"), CachePath).Encode(["protect CERTs"], TestContext.Current.CancellationToken);
        var other = new CountingEncoder("model-b");

        new CachedSentenceEncoder(other, CachePath).Encode(["protect CERTs"], TestContext.Current.CancellationToken);

        Assert.Equal(1, other.Encoded);
    }

    [Fact]
    public void A_damaged_cache_file_is_ignored()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CachePath)!);
        File.WriteAllBytes(CachePath, [1, 2, 3]);
        var inner = new CountingEncoder();

        var vectors = new CachedSentenceEncoder(inner, CachePath).Encode(["protect CERTs"], TestContext.Current.CancellationToken);

        Assert.Equal(1, inner.Encoded);
        Assert.Equal(13, vectors[0][0]);
    }

    [Fact]
    public void A_switched_off_encoder_leaves_the_cache_file_alone()
    {
        new CachedSentenceEncoder(new CountingEncoder(), CachePath).Encode(["protect CERTs"], TestContext.Current.CancellationToken);
        var size = new FileInfo(CachePath).Length;

        _ = new CachedSentenceEncoder(Core.Matching.DisabledSentenceEncoder.Instance, CachePath);

        Assert.Equal(size, new FileInfo(CachePath).Length);
    }
}
