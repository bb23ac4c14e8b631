namespace NormsGraph.Core.Domain;

/// <summary>
/// Statement ids survive re-extraction and edits elsewhere in a document: they hash the document key
/// (its source when known, else the report id), the evidence sentence, the actor, the target and the stance,
/// rather than a sentence position that shifts when a paragraph is added above.
/// </summary>
public static class StatementIds
{
    // A sentence naming several actors or targets makes several statements in a row: normalise it once.
    [ThreadStatic]
    private static (string Evidence, string Normalised)? _last;

    public static string Create(string documentKey, string evidence, string actorId, string targetId, Stance stance) =>
        "s-" + StableIds.Hash(
            $"{documentKey}|{Normalised(evidence)}|{actorId}|{targetId}|{EnumNames.ToSnakeCase(stance)}", 20);

    private static string Normalised(string evidence)
    {
        if (_last is { } last && string.Equals(last.Evidence, evidence, StringComparison.Ordinal))
        {
            return last.Normalised;
        }
        var normalised = StableIds.Normalise(evidence);
        _last = (evidence, normalised);
        return normalised;
    }
}
