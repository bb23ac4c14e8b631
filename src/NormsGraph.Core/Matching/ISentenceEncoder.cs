namespace NormsGraph.Core.Matching;

/// <summary>
/// Turns a sentence into a unit-length vector for the semantic matching signal. The model-backed encoder
/// lives outside Core (it carries a 90 MB model); <see cref="IsEnabled"/> false means the signal is off and
/// matching runs on phrases and lexical ranking alone.
/// </summary>
public interface ISentenceEncoder
{
    bool IsEnabled { get; }

    /// <summary>Names the model; stored beside every vector so a model change recomputes them.</summary>
    string ModelName { get; }

    int Dimensions { get; }

    /// <summary>One unit-length vector per text, in order. Safe to call from several threads.</summary>
    float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
