namespace NormsGraph.Core.Domain;

/// <summary>What a position is about: a taxonomy norm or principle, or a proposal found in text.</summary>
public sealed record Target(string Id, string Name, TargetKind Kind, string? Description, string? FrameworkId = null);
