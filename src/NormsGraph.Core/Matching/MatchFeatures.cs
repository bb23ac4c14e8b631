namespace NormsGraph.Core.Matching;

/// <summary>
/// The features fusion weighs, one vector per (text, candidate target), grouped by signal so each signal can
/// be fitted and measured alone. Every feature lies in [0, 1] except <see cref="SemanticGap"/> (in [-2, 0]).
/// </summary>
public static class MatchFeatures
{
    public const string PhraseAny = "phrase_any";
    public const string PhraseCount = "phrase_count";
    public const string PhraseShare = "phrase_share";
    public const string Cooccurrence = "cooccur_any";
    public const string LexicalRelative = "bm25_relative";
    public const string LexicalReciprocalRank = "bm25_rr";
    public const string SemanticDescription = "semantic_description";
    public const string SemanticWording = "semantic_wording";
    public const string SemanticGap = "semantic_gap";
    public const string SemanticReciprocalRank = "semantic_rr";
    public const string NeighbourVote = "neighbour_vote";
    public const string NeighbourMax = "neighbour_max";
    public const string EvidenceLexicalVote = "evidence_bm25_vote";

    public static IReadOnlyList<string> Names { get; } =
    [
        PhraseAny, PhraseCount, PhraseShare, Cooccurrence,
        LexicalRelative, LexicalReciprocalRank,
        SemanticDescription, SemanticWording, SemanticGap, SemanticReciprocalRank,
        NeighbourVote, NeighbourMax, EvidenceLexicalVote,
    ];

    /// <summary>Which features belong to which signal, for ablations.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["phrases"] = [PhraseAny, PhraseCount, PhraseShare, Cooccurrence],
        ["bm25"] = [LexicalRelative, LexicalReciprocalRank, EvidenceLexicalVote],
        ["semantic"] = [SemanticDescription, SemanticWording, SemanticGap, SemanticReciprocalRank, NeighbourVote, NeighbourMax],
    };

    /// <summary>Features that need the sentence encoder.</summary>
    public static IReadOnlySet<string> NeedEncoder { get; } = new HashSet<string>(
        [SemanticDescription, SemanticWording, SemanticGap, SemanticReciprocalRank, NeighbourVote, NeighbourMax], StringComparer.Ordinal);

    public static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }
        throw new ArgumentException($"Unknown match feature '{name}'.", nameof(name));
    }
}
