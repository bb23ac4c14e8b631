namespace NormsGraph.Core.Storage;

/// <summary>The edge a position-edge cursor names, in the list's order: statements (most first), actor, target, stance.</summary>
public sealed record EdgeCursor(long Statements, string ActorId, string TargetId, string Stance);
