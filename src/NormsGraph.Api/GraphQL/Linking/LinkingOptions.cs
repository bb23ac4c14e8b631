namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>The <c>Linking</c> section: limits of <c>linkStatement</c> and <c>addStatement</c>.</summary>
public sealed class LinkingOptions
{
    public const string SectionName = "Linking";

    /// <summary>Longest statement accepted, in characters.</summary>
    public int MaxStatementChars { get; set; } = 5000;

    /// <summary>addStatement without targets files the statement under the matches scoring at least this.</summary>
    public double AutoTargetThreshold { get; set; } = 0.5;

    /// <summary>At most this many targets are chosen automatically.</summary>
    public int MaxAutoTargets { get; set; } = 3;
}
