namespace NormsGraph.Core.Matching;

/// <summary>The encoder when the semantic signal is switched off.</summary>
public sealed class DisabledSentenceEncoder : ISentenceEncoder
{
    public static DisabledSentenceEncoder Instance { get; } = new();

    public bool IsEnabled => false;

    public string ModelName => "none";

    public int Dimensions => 0;

    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The semantic signal is switched off; no sentence encoder is loaded.");
}
