namespace NormsGraph.Core.Storage;

/// <summary>One page of a list in its stable order, the total over all pages, each item's cursor and the cursor to continue after it.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, bool HasNextPage, string? EndCursor, IReadOnlyList<string> Cursors);
