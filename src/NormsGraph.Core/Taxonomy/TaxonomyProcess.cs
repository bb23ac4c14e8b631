using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Taxonomy;

/// <summary>A curated process; <see cref="FirstYear"/>/<see cref="LastYear"/> pick the round of a shared acronym.</summary>
public sealed record TaxonomyProcess(
    DiplomaticProcess Process,
    IReadOnlyList<string> Aliases,
    int? FirstYear,
    int? LastYear);
