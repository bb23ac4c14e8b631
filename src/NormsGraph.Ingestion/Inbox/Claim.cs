namespace NormsGraph.Ingestion.Inbox;

/// <summary>A file this worker owns: where it sits in its claim folder, and its path relative to the inbox (the report's source).</summary>
internal sealed record Claim(string Path, string Source);
