using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Cli;

internal static class CliTaxonomy
{
    public static Taxonomy Load(string? folder) =>
        string.IsNullOrEmpty(folder) ? TaxonomyLoader.LoadEmbedded() : TaxonomyLoader.LoadFromDirectory(folder);
}
