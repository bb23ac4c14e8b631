namespace NormsGraph.Cli.Ingest;

/// <summary>A file to ingest and its source: the path relative to the folder it was found in, as the inbox would name it.</summary>
internal sealed record IngestItem(string Path, string Source);
