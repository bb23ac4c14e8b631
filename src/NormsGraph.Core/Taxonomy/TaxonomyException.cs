namespace NormsGraph.Core.Taxonomy;

/// <summary>A taxonomy file is missing, malformed or inconsistent.</summary>
public sealed class TaxonomyException(string message, Exception? inner = null) : Exception(message, inner);
