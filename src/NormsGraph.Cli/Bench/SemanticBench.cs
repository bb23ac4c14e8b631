using NormsGraph.Cli.Extract;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Embeddings;

namespace NormsGraph.Cli.Bench;

/// <summary>
/// The extractor of <c>bench extract --semantic</c>: the matcher of <c>extract --semantic</c>, its model loaded
/// and the target vectors ready before timing, ONNX Runtime on one thread per inference so that "per core"
/// means one core, and the query encoder counted.
/// </summary>
internal sealed class SemanticBench
{
    private SemanticBench(ReportExtractor extractor, HybridTargetMatcher matcher, CountingSentenceEncoder encoder, MiniLmSentenceEncoder model)
    {
        Extractor = extractor;
        Matcher = matcher;
        Encoder = encoder;
        Model = model;
    }

    public ReportExtractor Extractor { get; }

    public HybridTargetMatcher Matcher { get; }

    public CountingSentenceEncoder Encoder { get; }

    public MiniLmSentenceEncoder Model { get; }

    public static SemanticBench Create(Taxonomy taxonomy, double threshold)
    {
        var model = new MiniLmSentenceEncoder(threads: 1);
        var counting = new CountingSentenceEncoder(model);
        var matcher = new HybridTargetMatcher(new MatchingCatalog(taxonomy), counting, FusionWeights.BuiltIn(),
            targetEncoder: new CachedSentenceEncoder(model, Extractors.TargetVectorCache));
        matcher.Warm();
        counting.Reset();
        return new SemanticBench(new ReportExtractor(taxonomy, semanticTargets: matcher, semanticThreshold: threshold), matcher, counting, model);
    }
}
