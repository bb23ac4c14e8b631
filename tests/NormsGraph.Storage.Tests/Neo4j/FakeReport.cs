namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>A report as the imitation keeps it, with the write token and outcome apply_report records.</summary>
internal sealed record FakeReport(string Id, string? Source, string ExtractorVersion, string IngestedAt, string? EventId, string WriteToken,
    string WriteOutcome, string? ReplacedId, bool HeldUnnamed = false);
