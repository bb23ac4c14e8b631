using System.Text.Json;
using System.Text.RegularExpressions;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// The parameters a statement refers to (<c>$name</c>, comments aside). A server refuses a statement sent without
/// one of them (<c>Neo.ClientError.Statement.ParameterMissing</c>); the imitation and the request tests refuse it too,
/// so a statement and the parameters the store sends cannot drift apart unseen.
/// </summary>
internal static partial class CypherParameters
{
    public static IReadOnlySet<string> Referenced(string statement) =>
        Reference().Matches(string.Join('\n', statement.ReplaceLineEndings("\n").Split('\n')
                .Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The referenced parameters a request's parameters lack.</summary>
    public static IReadOnlyList<string> Missing(string statement, JsonElement parameters) =>
        [.. Referenced(statement).Where(name => parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty(name, out _)).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Reference();
}
