namespace NormsGraph.Core.Storage;

/// <summary>A name (label, relationship type or id) and its count.</summary>
public sealed record NamedCount(string Name, int Count);
