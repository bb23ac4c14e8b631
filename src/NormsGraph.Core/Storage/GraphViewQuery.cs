using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// Which part of the graph a dashboard wants to draw: the nodes within <see cref="Depth"/> hops of the
/// focus (actors and targets; every hop is a position), or the whole graph when no focus is given, keeping
/// only the positions that pass the filters, and at most <see cref="Limit"/> nodes.
/// </summary>
/// <param name="MinStatements">Positions (actor, stance, target) backed by fewer statements are left out.</param>
/// <param name="From">Only statements from reports dated on or after this day; undated reports are left out when a date range is given.</param>
public sealed record GraphViewQuery(
    IReadOnlyList<string> Focus,
    int Depth = 1,
    IReadOnlyList<Stance>? Stances = null,
    IReadOnlyList<ActorType>? ActorTypes = null,
    string? ProcessId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int MinStatements = 1,
    double? MinConfidence = null,
    int Limit = GraphViewQuery.DefaultLimit)
{
    // An empty list means no filter, as search's empty kinds do: "only these stances: none" would draw nothing.
    public IReadOnlyList<Stance>? Stances { get; init; } = Stances is { Count: > 0 } ? Stances : null;

    public IReadOnlyList<ActorType>? ActorTypes { get; init; } = ActorTypes is { Count: > 0 } ? ActorTypes : null;

    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;
    public const int MaxDepth = 3;
    public const int MaxFocus = 50;

    /// <summary>What is wrong with this query, in words for the caller, or null when it can run.</summary>
    public string? Problem() => this switch
    {
        { Depth: < 0 or > MaxDepth } => $"'depth' must be between 0 and {MaxDepth}.",
        { Limit: < 1 or > MaxLimit } => $"'limit' must be between 1 and {MaxLimit}.",
        { MinStatements: < 1 } => "'minStatements' must be at least 1.",
        // Written so NaN, which no comparison holds for, fails too.
        { MinConfidence: { } c } when !(c >= 0 && c <= 1) => "'minConfidence' must be between 0 and 1.",
        { From: { } from, To: { } to } when from > to => "'from' must not be after 'to'.",
        _ when Focus.Count > MaxFocus => $"At most {MaxFocus} focus ids.",
        _ when Focus.Any(string.IsNullOrWhiteSpace) => "A focus id must not be empty.",
        _ => null,
    };
}
