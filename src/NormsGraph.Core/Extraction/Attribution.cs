namespace NormsGraph.Core.Extraction;

/// <summary>Who speaks in a sentence and how sure we are of it.</summary>
internal sealed record Attribution(IReadOnlyList<string> ActorIds, AttributionKind Kind, int SubjectEnd);

internal enum AttributionKind
{
    /// <summary>The actor is named before the verb that carries the stance.</summary>
    Explicit,

    /// <summary>"They…", "The organisation…": the last named actor of the paragraph.</summary>
    Anaphoric,

    /// <summary>No reference at all, but the paragraph is still reporting the last named actor's view.</summary>
    Carried,
}
