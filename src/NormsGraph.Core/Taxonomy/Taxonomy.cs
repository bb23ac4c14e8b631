using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Taxonomy;

/// <summary>
/// The curated vocabulary extraction is driven by: actors (with all UN member states), processes,
/// frameworks, norms and principles, and stance cues. Immutable once loaded.
/// </summary>
public sealed class Taxonomy
{
    public Taxonomy(
        IReadOnlyList<TaxonomyActor> actors,
        IReadOnlyList<TaxonomyProcess> processes,
        IReadOnlyList<Framework> frameworks,
        IReadOnlyList<TaxonomyTarget> targets,
        LanguageCues language,
        string version)
    {
        Actors = actors;
        Processes = processes;
        Frameworks = frameworks;
        Targets = targets;
        Language = language;
        Version = version;
        ActorsById = actors.ToDictionary(a => a.Actor.Id, StringComparer.Ordinal);
        ProcessesById = processes.ToDictionary(p => p.Process.Id, StringComparer.Ordinal);
        TargetsById = targets.ToDictionary(t => t.Target.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<TaxonomyActor> Actors { get; }
    public IReadOnlyList<TaxonomyProcess> Processes { get; }
    public IReadOnlyList<Framework> Frameworks { get; }
    public IReadOnlyList<TaxonomyTarget> Targets { get; }
    public LanguageCues Language { get; }

    /// <summary>Hash of the taxonomy files; part of the extractor version so a changed taxonomy re-extracts.</summary>
    public string Version { get; }

    public IReadOnlyDictionary<string, TaxonomyActor> ActorsById { get; }
    public IReadOnlyDictionary<string, TaxonomyProcess> ProcessesById { get; }
    public IReadOnlyDictionary<string, TaxonomyTarget> TargetsById { get; }
}
