using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// A filter over position edges ("who supported X", "what did A say"), ordered by statements (most first), then
/// actor, target and stance. Without <see cref="From"/>, <see cref="To"/>, <see cref="ProcessId"/> and
/// <see cref="MinConfidence"/> it reads the stored edges; with them the edges are aggregated from the statements
/// that pass, so counts, first and last dates describe only those.
/// </summary>
public sealed record PositionEdgeQuery(
    string? TargetId = null,
    string? ActorId = null,
    Stance? Stance = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? ProcessId = null,
    ActorType? ActorType = null,
    double? MinConfidence = null,
    int First = PositionQuery.DefaultPageSize,
    string? After = null)
{
    /// <summary>The filters the stored edges cannot answer; null when there are none.</summary>
    public StatementFilter? Statements => From is null && To is null && ProcessId is null && MinConfidence is null
        ? null
        : new StatementFilter(From, To, ProcessId, MinConfidence);

    public bool FiltersStatements => Statements is not null;

    /// <summary>
    /// <see cref="After"/> read as the edge it names (null without one), refused when it is not a cursor of this kind of
    /// list or names an edge no page of this list can hold (another norm's, another actor's, another stance's): it would
    /// page from a place this list never had. <paramref name="actorId"/> is the query's actor as the store resolved it
    /// (a merged actor's old id names the survivor).
    /// </summary>
    public EdgeCursor? AfterEdge(string? actorId)
    {
        if (After is null)
        {
            return null;
        }
        var fields = PageCursor.Decode("edge", After, 4);
        if (!long.TryParse(fields[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var statements))
        {
            throw new ArgumentException($"'{PageCursor.Shown(After)}' is not a valid cursor for this list.");
        }
        if ((TargetId is not null && fields[2] != TargetId) || (actorId is not null && fields[1] != actorId)
            || (Stance is { } stance && fields[3] != EnumNames.ToSnakeCase(stance)))
        {
            throw new ArgumentException($"'{PageCursor.Shown(After)}' is a cursor of another list.");
        }
        return new EdgeCursor(statements, fields[1], fields[2], fields[3]);
    }
}

