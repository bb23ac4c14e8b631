namespace NormsGraph.Core.Storage;

/// <summary>
/// An actor compared with another: the targets where both took the same stance, those where one supports
/// (or proposes) and the other opposes, and a similarity: shared targets over all targets either took a stance on.
/// </summary>
public sealed record AlignedActor(string ActorId, double Similarity, IReadOnlyList<string> SharedTargetIds, IReadOnlyList<string> ConflictingTargetIds)
{
    public string Cursor(int offset) => PageCursor.Encode("aligned", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
