using NormsGraph.Core.Matching;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Tests.Matching;

/// <summary>
/// A small deterministic encoder for tests: each content word's stem is hashed to one of 64 dimensions and the
/// vector normalised, so texts sharing words are close. Real arithmetic, no model; the MiniLM encoder has its own tests.
/// </summary>
internal sealed class WordHashEncoder : ISentenceEncoder
{
    public bool IsEnabled => true;

    public string ModelName => "word-hash-64";

    public int Dimensions => 64;

    public int Calls { get; private set; }

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Calls++;
        return [.. texts.Select(Vector)];
    }

    public static float[] Vector(string text)
    {
        var v = new float[64];
        foreach (var (stem, _) in MatchTerms.Of(text))
        {
            v[(int)((uint)StableHash(stem) % 64)] += 1;
        }
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm == 0 ? v : [.. v.Select(x => x / norm)];
    }

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked(h * 31 + c);
        }
        return h;
    }
}
