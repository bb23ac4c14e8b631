namespace NormsGraph.Core.Domain;

/// <summary>
/// Statement ids survive re-extraction and edits elsewhere in a document: they hash the document key
/// (its source when known, else the report id), the evidence sentence, the actor, the target and the stance,
/// rather than a sentence position that shifts when a paragraph is added above.
/// </summary>
public static class StatementIds
{
    public static string Create(string documentKey, string evidence, string actorId, string targetId, Stance stance) =>
        "s-" + StableIds.Hash(
            $"{documentKey}|{StableIds.Normalise(evidence)}|{actorId}|{targetId}|{EnumNames.ToSnakeCase(stance)}", 20);
}
