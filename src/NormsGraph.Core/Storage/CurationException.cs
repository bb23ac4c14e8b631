namespace NormsGraph.Core.Storage;

/// <summary>A curation change that cannot be made as asked (an unknown target, merging an actor into itself); nothing was changed.</summary>
public sealed class CurationException(string message) : Exception(message);
