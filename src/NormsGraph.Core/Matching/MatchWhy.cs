namespace NormsGraph.Core.Matching;

/// <summary>
/// The reasons of a match, grouped for people: taxonomy wordings found in the text, the terms that weighed
/// most lexically, the closest wording by meaning, and the most similar stored statements for the target.
/// </summary>
public sealed record MatchWhy(
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> Terms,
    string? ClosestWording,
    double? Similarity,
    IReadOnlyList<StoredEvidence> Similar)
{
    public static MatchWhy From(TargetMatch match)
    {
        var phrases = match.Reasons.Where(r => r.Signal is MatchSignal.Phrase or MatchSignal.Practice or MatchSignal.Cooccurrence)
            .Select(r => r.Detail).Distinct(StringComparer.Ordinal).ToList();
        var terms = match.Reasons.Where(r => r.Signal == MatchSignal.Lexical && r.Detail != HybridTargetMatcher.StoredLexicalDetail)
            .SelectMany(r => r.Detail.Split(", ", StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var semantic = match.Reasons.FirstOrDefault(r => r.Signal == MatchSignal.Semantic);
        return new MatchWhy(phrases, terms, semantic?.Detail, semantic?.Strength, match.Similar);
    }
}
