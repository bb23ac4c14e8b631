using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// One position as a store aggregates it for a graph view: how many non-rejected statements passing the
/// view's filters say that this actor took this stance on this target, and the first and last report dates.
/// </summary>
public sealed record GraphViewLink(string ActorId, Stance Stance, string TargetId, int Statements, DateOnly? First, DateOnly? Last);
