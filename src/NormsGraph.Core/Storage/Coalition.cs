namespace NormsGraph.Core.Storage;

/// <summary>Actors taking one stance on a target, grouped by actor type or by the process of the events where they took it.</summary>
/// <param name="Key">An actor type (snake_case) or a process id.</param>
public sealed record Coalition(CoalitionKind Kind, string Key, IReadOnlyList<string> ActorIds, int Statements);
