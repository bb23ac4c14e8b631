using NormsGraph.Core.Matching;

namespace NormsGraph.Embeddings;

/// <summary>The encoder for the taxonomy's target texts (cached on disk), told apart from the statement encoder in DI.</summary>
public sealed record TargetTextEncoder(ISentenceEncoder Encoder);
