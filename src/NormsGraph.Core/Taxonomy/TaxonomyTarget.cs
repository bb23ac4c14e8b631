using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Taxonomy;

/// <summary>A curated norm or principle and the cues that signal it in text.</summary>
/// <param name="Phrases">Contiguous phrases, matched on normalised stems.</param>
/// <param name="Cooccur">Groups of terms that must all appear close together in one sentence.</param>
/// <param name="Practices">Phrases naming the bad practice the principle stands against, so that
/// speaking against the practice counts as support of the principle.</param>
/// <param name="PracticeCooccur">Co-occurrence groups that name the practice the target stands against ("hospital +
/// ransomware"): like <paramref name="Practices"/>, condemning what they name supports the target.</param>
/// <param name="IsProposedInstrument">An instrument or mechanism states are asked to create (a treaty, the PoA),
/// not an agreed norm: a concern raised about it is opposition to it.</param>
public sealed record TaxonomyTarget(
    Target Target,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<IReadOnlyList<string>> Cooccur,
    IReadOnlyList<string> Practices,
    IReadOnlyList<IReadOnlyList<string>> PracticeCooccur,
    bool IsProposedInstrument = false);
