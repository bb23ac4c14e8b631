namespace NormsGraph.Core.Storage;

/// <summary>A stored statement whose evidence still needs a vector.</summary>
public sealed record PendingVector(string StatementId, string Evidence);
