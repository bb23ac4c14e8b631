using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Matching;

/// <summary>
/// What matching knows about the taxonomy's targets, built once per taxonomy and shared: the phrase matcher,
/// the BM25 index over each target's name, description and wordings, and the texts the semantic signal encodes.
/// </summary>
public sealed class MatchingCatalog
{
    public MatchingCatalog(Taxonomy.Taxonomy taxonomy, TaxonomyPhraseMatcher? phrases = null)
    {
        Targets = taxonomy.Targets.Select(t => t.Target).ToList();
        TargetsById = Targets.ToDictionary(t => t.Id, StringComparer.Ordinal);
        Phrases = phrases ?? new TaxonomyPhraseMatcher(taxonomy);
        Documents = taxonomy.Targets.Select(t => new TargetDocument(
            t.Target.Id,
            DescriptionText(t.Target),
            [.. t.Phrases, .. t.Practices])).ToList();
        Lexical = new Bm25Index(taxonomy.Targets.Select(t => (t.Target.Id, string.Join(". ",
            [t.Target.Name, t.Target.Description ?? "", .. t.Phrases, .. t.Practices, .. t.Cooccur.Concat(t.PracticeCooccur).Select(g => string.Join(' ', g))]))).ToList());
    }

    public IReadOnlyList<Target> Targets { get; }

    public IReadOnlyDictionary<string, Target> TargetsById { get; }

    public TaxonomyPhraseMatcher Phrases { get; }

    public Bm25Index Lexical { get; }

    public IReadOnlyList<TargetDocument> Documents { get; }

    private static string DescriptionText(Target target) =>
        string.IsNullOrWhiteSpace(target.Description) ? target.Name : $"{target.Name}. {target.Description}";
}
