using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>A node of a graph view.</summary>
/// <param name="Type">The actor type; null for targets.</param>
/// <param name="Weight">Statements on the view's edges that touch this node.</param>
/// <param name="Distance">Hops from the nearest focus node (0 for a focus node, and for every node of an unfocused view).</param>
public sealed record GraphViewNode(string Id, string Label, GraphViewNodeKind Kind, ActorType? Type, int Weight, int Distance);
