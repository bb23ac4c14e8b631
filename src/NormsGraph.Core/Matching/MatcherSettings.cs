namespace NormsGraph.Core.Matching;

/// <summary>How many stored statements matching consults, and how much a curated one counts.</summary>
public sealed record MatcherSettings
{
    /// <summary>Nearest stored statements (by evidence vector) that vote for their targets.</summary>
    public int Neighbours { get; init; } = 10;

    /// <summary>Best BM25 stored statements that vote for their targets.</summary>
    public int LexicalEvidence { get; init; } = 10;

    /// <summary>An analyst-confirmed statement's vote against an extracted one's (1).</summary>
    public double ConfirmedWeight { get; init; } = 2.0;

    /// <summary>
    /// Leave out stored statements that are the text itself (at least 80 % of their content words shared both
    /// ways). Off in service: a statement already filed is good evidence. On in evaluation, which would
    /// otherwise grade a dev statement by its own copy in an ingested dev report.
    /// </summary>
    public bool ExcludeSameText { get; init; }

    /// <summary>Stored statements shown per match in the reasons.</summary>
    public int ShownNeighbours { get; init; } = 3;
}
