using System.Numerics.Tensors;
using NormsGraph.Embeddings;

namespace NormsGraph.Embeddings.Tests;

/// <summary>The real model, loaded from the package: one instance for the class, as a host holds one per process.</summary>
public sealed class MiniLmSentenceEncoderTests(MiniLmFixture model) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public void Vectors_have_384_dimensions_and_unit_length()
    {
        var vectors = model.Encoder.Encode(["States should protect critical infrastructure.", "Hello"], TestContext.Current.CancellationToken);

        Assert.Equal(2, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(TensorPrimitives.Norm(v), 0.999f, 1.001f));
        Assert.Equal("all-MiniLM-L6-v2", model.Encoder.ModelName);
        Assert.NotNull(model.Encoder.LoadTime);
    }

    [Fact]
    public void A_paraphrase_is_closer_than_a_statement_on_another_subject()
    {
        var v = model.Encoder.Encode([
            "Attacks on hospitals and power grids must stop.",
            "Critical infrastructure such as healthcare and energy must not be targeted by cyber operations.",
            "The working group adopted its annual report by consensus.",
        ], TestContext.Current.CancellationToken);

        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]) + 0.1f);
    }

    [Fact]
    public void The_same_text_gives_the_same_vector_and_nothing_gives_nothing()
    {
        var a = model.Encoder.Encode(["Responsible disclosure of vulnerabilities."], TestContext.Current.CancellationToken)[0];
        var b = model.Encoder.Encode(["Responsible disclosure of vulnerabilities."], TestContext.Current.CancellationToken)[0];

        Assert.Equal(a, b);
        Assert.Empty(model.Encoder.Encode([], TestContext.Current.CancellationToken));
    }
}
