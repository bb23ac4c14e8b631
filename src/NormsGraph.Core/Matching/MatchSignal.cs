namespace NormsGraph.Core.Matching;

/// <summary>Where the evidence for a target match came from.</summary>
public enum MatchSignal
{
    /// <summary>A taxonomy phrase of the target, matched on normalised stems.</summary>
    Phrase,

    /// <summary>A taxonomy phrase naming the practice the target stands against.</summary>
    Practice,

    /// <summary>A taxonomy co-occurrence group: all its terms close together.</summary>
    Cooccurrence,

    /// <summary>Lexical ranking (BM25) over the target's text and stored evidence.</summary>
    Lexical,

    /// <summary>Sentence-embedding similarity to the target's description and phrases.</summary>
    Semantic,

    /// <summary>A similar statement already stored for the target.</summary>
    Neighbour,

    /// <summary>Extraction only: a description that names again a target of an earlier sentence ("such an
    /// instrument", "that position"); see <c>Extraction.TargetReferences</c>.</summary>
    Reference,
}
