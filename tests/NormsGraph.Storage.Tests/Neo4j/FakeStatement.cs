namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>A statement as the imitation keeps it.</summary>
internal sealed record FakeStatement(string Id, string ReportId, string ActorId, string TargetId, string Stance, string Status);
