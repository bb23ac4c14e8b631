namespace NormsGraph.Cli.Link;

/// <summary>One statement's candidates in one graph regime (empty, or with stored evidence).</summary>
internal sealed record FitRow(GoldLink Gold, string Regime, IReadOnlyList<Core.Matching.MatchCandidate> Candidates);
