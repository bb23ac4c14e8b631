using System.Buffers;

namespace NormsGraph.Core.Domain;

/// <summary>
/// Statement ids survive re-extraction and edits elsewhere in a document: they hash the document key
/// (its source when known, else the report id), the evidence sentence, the actor, the target and the stance,
/// rather than a sentence position that shifts when a paragraph is added above.
/// </summary>
public static class StatementIds
{
    private const int StackChars = 512;

    // Every extracted position makes one: the hashed text ("key|normalised evidence|actor|target|stance") is
    // put together in one buffer, the evidence normalised into it, so only the id itself is allocated.
    public static string Create(string documentKey, string evidence, string actorId, string targetId, Stance stance)
    {
        var stanceName = EnumNames.ToSnakeCase(stance);
        var maxLength = documentKey.Length + evidence.Length + actorId.Length + targetId.Length + stanceName.Length + 4;
        var rented = maxLength > StackChars ? ArrayPool<char>.Shared.Rent(maxLength) : null;
        var buffer = rented is null ? stackalloc char[StackChars] : rented;
        var length = Append(buffer, 0, documentKey);
        length += StableIds.Normalise(evidence, buffer[length..]);
        buffer[length++] = '|';
        length = Append(buffer, length, actorId);
        length = Append(buffer, length, targetId);
        stanceName.CopyTo(buffer[length..]);
        length += stanceName.Length;
        var id = StableIds.Hash(buffer[..length], 20, "s-");
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return id;
    }

    // The part and the separator after it.
    private static int Append(Span<char> buffer, int at, string part)
    {
        part.CopyTo(buffer[at..]);
        buffer[at + part.Length] = '|';
        return at + part.Length + 1;
    }
}
