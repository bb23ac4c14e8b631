namespace NormsGraph.Core.Storage;

/// <summary>The evidence vector of one stored statement (unit length).</summary>
public sealed record StatementVector(string StatementId, float[] Vector);
