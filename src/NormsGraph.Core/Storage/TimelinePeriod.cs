using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// One period of a target's timeline for one stance: how many distinct actors took it in reports of that period,
/// on how many statements, and which actors took it there for the first time. Undated reports have no period.
/// </summary>
/// <param name="Period"><c>yyyy</c> or <c>yyyy-MM</c>.</param>
public sealed record TimelinePeriod(string Period, Stance Stance, int Actors, int Statements, IReadOnlyList<string> JoinedActorIds);
