namespace NormsGraph.Embeddings;

/// <summary>The <c>Matching</c> section: the semantic signal, how much stored evidence counts, and the fusion weights.</summary>
public sealed class MatchingOptions
{
    public const string SectionName = "Matching";

    /// <summary>Use the sentence-embedding signal (loads all-MiniLM-L6-v2); false ranks by phrases and BM25 alone.</summary>
    public bool Semantic { get; set; } = true;

    /// <summary>Load the model when the host starts instead of on the first request.</summary>
    public bool LoadAtStart { get; set; } = true;

    /// <summary>Nearest stored statements (by vector) that vote.</summary>
    public int Neighbours { get; set; } = 10;

    /// <summary>Best BM25 stored statements that vote.</summary>
    public int LexicalEvidence { get; set; } = 10;

    /// <summary>How much an analyst-confirmed statement's vote counts against an extracted one's.</summary>
    public double ConfirmedWeight { get; set; } = 2.0;

    /// <summary>How often a long-running host computes vectors for newly stored statements (zero: never).</summary>
    public TimeSpan IndexInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the vectors of the taxonomy's target texts are cached between starts (empty: not cached).</summary>
    public string? TargetVectorCache { get; set; } = "data/cache/target-vectors.bin";

    /// <summary>A fusion weights file to use instead of the built-in one (empty: built-in).</summary>
    public string? WeightsPath { get; set; }
}
