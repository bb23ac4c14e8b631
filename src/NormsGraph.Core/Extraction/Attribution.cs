namespace NormsGraph.Core.Extraction;

/// <summary>Who holds the positions of a sentence, how sure we are, and who spoke for them.</summary>
/// <param name="SpeakerId">The actor that spoke "on behalf of" the holders, when another one did.</param>
internal sealed record Attribution(IReadOnlyList<string> ActorIds, AttributionKind Kind, int SubjectEnd, string? SpeakerId = null);

internal enum AttributionKind
{
    /// <summary>The actor is named before the verb that carries the stance.</summary>
    Explicit,

    /// <summary>"They…", "The organisation…": the last named actor of the paragraph (or the report's own author).</summary>
    Anaphoric,

    /// <summary>No reference at all, but the paragraph is still reporting the last named actor's view.</summary>
    Carried,

    /// <summary>No speaker in the paragraph: the report's own-voice author (see <see cref="ReportAuthors"/>).</summary>
    Author,
}
