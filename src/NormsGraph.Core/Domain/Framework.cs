namespace NormsGraph.Core.Domain;

/// <summary>A document that defines norms, such as the UN GGE 2015 report.</summary>
public sealed record Framework(string Id, string Name, int? Year);
