namespace NormsGraph.Ingestion.Inbox;

/// <summary>What one scan of the inbox did; <see cref="Settling"/> files were seen but may still be being written.</summary>
internal sealed record PassSummary(int Recovered, int Processed, int Failed, int Requeued, int Errors, int Settling);
