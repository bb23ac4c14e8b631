namespace NormsGraph.Core.Storage;

/// <summary>Nodes and edges for a dashboard, in a stable order; <see cref="Truncated"/> when the node limit left some out.</summary>
public sealed record GraphView(IReadOnlyList<GraphViewNode> Nodes, IReadOnlyList<GraphViewEdge> Edges, bool Truncated);
