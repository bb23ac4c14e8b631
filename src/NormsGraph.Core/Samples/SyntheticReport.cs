namespace NormsGraph.Core.Samples;

/// <summary>One generated report: a file name (its extension gives the format) and its content.</summary>
public sealed record SyntheticReport(string FileName, string Content);
