using System.Globalization;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphViews;

/// <summary>
/// Reads a <see cref="GraphViewQuery"/> from a query string with the graphView field's argument names. Lists
/// may repeat the parameter or separate values by commas (<c>stances=support,oppose</c>); enum values are
/// case-insensitive, in snake_case or GraphQL's UPPER_CASE.
/// </summary>
internal static class GraphViewRequest
{
    public static (GraphViewQuery? Query, string? Problem) Read(IQueryCollection q)
    {
        try
        {
            var query = new GraphViewQuery(
                List(q, "focus"),
                Int(q, "depth") ?? 1,
                Enums<Stance>(q, "stances"),
                Enums<ActorType>(q, "actorTypes"),
                NonEmpty(One(q, "process")),
                Date(q, "from"),
                Date(q, "to"),
                Int(q, "minStatements") ?? 1,
                Double(q, "minConfidence"),
                Int(q, "limit") ?? GraphViewQuery.DefaultLimit);
            return query.Problem() is { } problem ? (null, problem) : (query, null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    private static List<string> List(IQueryCollection q, string name) =>
        [.. q[name].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static List<T>? Enums<T>(IQueryCollection q, string name) where T : struct, Enum
    {
        if (!q.ContainsKey(name))
        {
            return null;
        }
        return [.. List(q, name).Select(v => EnumNames.TryParse<T>(v, out var value)
            ? value
            : throw new FormatException($"'{v}' is not a valid value of '{name}' ({string.Join(", ", Enum.GetValues<T>().Select(x => EnumNames.ToSnakeCase(x)))})."))];
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A repeated parameter reads as its values joined by commas: a second process matched no event and drew an empty view,
    // as if nobody spoke there.
    private static string? One(IQueryCollection q, string name) =>
        q[name].Count > 1 ? throw new FormatException($"'{name}' takes one value, not {q[name].Count}.") : q[name];

    private static int? Int(IQueryCollection q, string name) => NonEmpty(One(q, name)) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"'{name}' must be a whole number.")
        : null;

    private static double? Double(IQueryCollection q, string name) => NonEmpty(One(q, name)) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new FormatException($"'{name}' must be a number.")
        : null;

    private static DateOnly? Date(IQueryCollection q, string name) => NonEmpty(One(q, name)) is { } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new FormatException($"'{name}' must be a date, yyyy-MM-dd.")
        : null;
}
