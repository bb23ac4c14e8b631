namespace NormsGraph.Core.Storage;

/// <summary>
/// Words to look for, optionally only in some kinds of node; results best first, paged by offset. Without
/// <paramref name="Snippets"/> the hits carry no snippet, which a store may then skip building.
/// </summary>
public sealed record SearchQuery(string Text, IReadOnlyList<string>? Kinds = null, int First = PositionQuery.DefaultPageSize, string? After = null,
    bool Snippets = true)
{
    public static readonly IReadOnlyList<string> AllKinds = ["actor", "norm", "principle", "proposal", "process", "report"];
}
