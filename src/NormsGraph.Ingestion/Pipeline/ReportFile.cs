namespace NormsGraph.Ingestion.Pipeline;

/// <summary>What is known of a report file before its bytes are read: enough to refuse it cheaply.</summary>
public sealed record ReportFile(string Name, long Length);
