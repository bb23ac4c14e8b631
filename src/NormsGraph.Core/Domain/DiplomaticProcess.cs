namespace NormsGraph.Core.Domain;

/// <summary>A diplomatic process such as the OEWG, a UN GGE round or the IGF.</summary>
public sealed record DiplomaticProcess(string Id, string Name, string? Acronym);
