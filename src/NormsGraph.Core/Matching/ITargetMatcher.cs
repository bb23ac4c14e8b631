namespace NormsGraph.Core.Matching;

/// <summary>
/// Which norms, principles or proposals a span of text speaks to, best first, each with a calibrated score
/// and the reasons. <see cref="Match"/> uses only the taxonomy (phrases, lexical ranking over target texts,
/// semantic similarity to target descriptions) and is what extraction asks about a clause;
/// <see cref="MatchAsync"/> also consults the statements already stored, which is what linking asks.
/// </summary>
public interface ITargetMatcher
{
    IReadOnlyList<TargetMatch> Match(string text, int top);

    /// <summary>The best matches that score at least <paramref name="minScore"/>, best first. A matcher may skip
    /// work (the sentence encoder) when it can prove that no target of the text would reach the score.</summary>
    IReadOnlyList<TargetMatch> Match(string text, int top, double minScore) =>
        [.. Match(text, top).Where(m => m.Score >= minScore)];

    Task<IReadOnlyList<TargetMatch>> MatchAsync(string text, int top, CancellationToken cancellationToken);
}
