namespace NormsGraph.Ingestion;

/// <summary>Where the taxonomy comes from (section <c>Taxonomy</c>); empty means the copy built into the app.</summary>
public sealed class TaxonomyOptions
{
    public const string SectionName = "Taxonomy";

    public string? Path { get; set; }
}
