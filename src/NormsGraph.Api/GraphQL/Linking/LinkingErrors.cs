using GraphQL;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>The GraphQL errors of linking, each with its code in <c>extensions.code</c>.</summary>
internal static class LinkingErrors
{
    public static ExecutionError EmptyStatement() => new("The statement has no words (letters or digits) to link.") { Code = "EMPTY_STATEMENT" };

    public static ExecutionError TooLarge(int length, int max) =>
        new($"The statement has {length} characters; at most {max} are accepted.") { Code = "STATEMENT_TOO_LARGE" };

    public static ExecutionError UnknownSpeaker(string id) => new($"No actor has the id '{id}'.") { Code = "UNKNOWN_SPEAKER" };

    public static ExecutionError UnknownTargets(IEnumerable<string> ids) =>
        new($"No norm, principle or proposal has the id {string.Join(", ", ids.Select(i => $"'{i}'"))}.") { Code = "UNKNOWN_TARGET" };

    public static ExecutionError NoTarget(double threshold) =>
        new($"No target was given and none matched with a score of at least {threshold}; name the targets.") { Code = "NO_TARGET" };

    public static ExecutionError UndatedDay(DateOnly date) =>
        new($"{PositionCursor.SortKey(date)} is the day the store files undated statements under; give the real date, or none.") { Code = "BAD_USER_INPUT" };

    public static ExecutionError BadTop(int top) => new($"top must be between 1 and 50, not {top}.") { Code = "BAD_USER_INPUT" };

    public static ExecutionError StoreUnavailable(string message) =>
        new($"The store is unavailable; nothing was stored. {message}") { Code = "STORE_UNAVAILABLE" };
}
