using System.Globalization;
using System.Reflection;
using System.Text;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// Loads the Cypher embedded from <c>graph-schema/neo4j</c> (see the project file). Keeping every statement
/// in a file is what lets the lint check all of it; nothing in C# writes Cypher.
/// </summary>
internal static class CypherFiles
{
    private const string QueryPrefix = "NormsGraph.Neo4j.queries.";
    private const string MigrationPrefix = "NormsGraph.Neo4j.migrations.";
    private static readonly Assembly Assembly = typeof(CypherFiles).Assembly;

    public static CypherQuery Query(string name) => new(name, Read(QueryPrefix + name + ".cypher"));

    /// <summary>Every migration, ordered by the number its file name starts with (<c>001_constraints.cypher</c>).</summary>
    public static IReadOnlyList<CypherMigration> Migrations() =>
        [.. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(MigrationPrefix, StringComparison.Ordinal) && n.EndsWith(".cypher", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[MigrationPrefix.Length..^".cypher".Length];
                var number = name.Split('_', 2)[0];
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    throw new InvalidOperationException($"Migration '{name}' must start with its number, e.g. 004_{name}.");
                }
                return new CypherMigration(version, name, SplitStatements(Read(n)));
            })
            .OrderBy(m => m.Version)];

    /// <summary>
    /// Splits a file into statements at lines that end with ';' (the convention of the migration files), dropping
    /// the ';' and any part that holds only comments. The Query API takes one statement per request.
    /// </summary>
    public static IReadOnlyList<string> SplitStatements(string text)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.EndsWith(';'))
            {
                current.Append(trimmed[..^1]);
                Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(line).Append('\n');
            }
        }
        Add(current.ToString());
        return statements;

        void Add(string statement)
        {
            var hasCode = statement.Split('\n').Any(l => l.Trim() is { Length: > 0 } code && !code.StartsWith("//", StringComparison.Ordinal));
            if (hasCode)
            {
                statements.Add(statement.Trim());
            }
        }
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The Cypher file '{resource}' is not embedded in {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
