namespace NormsGraph.Ingestion.Pipeline;

/// <summary>Why a report was refused, and at which stage (validate, read, extract, store).</summary>
public sealed record IngestionError(string Code, string Message, string Stage);
