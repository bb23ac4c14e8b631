using NormsGraph.Core.Extraction;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Embeddings;

namespace NormsGraph.Cli.Extract;

/// <summary>The extractor of the CLI commands: on phrases alone, or with the semantic target signal.</summary>
internal static class Extractors
{
    /// <summary>Where the target texts' vectors are kept between runs (the API's default too).</summary>
    internal const string TargetVectorCache = "data/cache/target-vectors.bin";

    public static ReportExtractor Create(Taxonomy taxonomy, double? semanticThreshold)
    {
        if (semanticThreshold is not { } threshold)
        {
            return new ReportExtractor(taxonomy);
        }
        var encoder = new MiniLmSentenceEncoder();
        var matcher = new HybridTargetMatcher(new MatchingCatalog(taxonomy), encoder, FusionWeights.BuiltIn(),
            targetEncoder: new CachedSentenceEncoder(encoder, TargetVectorCache));
        return new ReportExtractor(taxonomy, semanticTargets: matcher, semanticThreshold: threshold);
    }
}
