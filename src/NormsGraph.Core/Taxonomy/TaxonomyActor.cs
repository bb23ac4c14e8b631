using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Taxonomy;

/// <summary>A curated actor with the words text uses for it.</summary>
public sealed record TaxonomyActor(Actor Actor, IReadOnlyList<string> Demonyms, bool CaseSensitive);
