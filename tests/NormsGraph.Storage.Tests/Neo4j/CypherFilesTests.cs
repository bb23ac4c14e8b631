using System.Reflection;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>The Neo4j store's Cypher is the embedded files of graph-schema/neo4j, all of them used, migrations idempotent.</summary>
public sealed class CypherFilesTests
{
    private static readonly IReadOnlyList<CypherQuery> StoreQueries = [.. new[] { typeof(Neo4jQueries), typeof(Neo4jAnalystCypher), typeof(Neo4jLinkingQueries) }
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
        .Select(p => (CypherQuery)p.GetValue(null)!)];

    [Fact]
    public void Every_statement_the_store_runs_is_loaded_from_a_query_file()
    {
        Assert.All(StoreQueries, q => Assert.False(string.IsNullOrWhiteSpace(q.Text), $"{q.Name}.cypher is empty"));
    }

    [Fact]
    public void Every_query_file_is_run_by_the_store()
    {
        var files = Directory.EnumerateFiles(RepositoryRoot.Combine("graph-schema", "neo4j", "queries"), "*.cypher")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, StoreQueries.Select(q => q.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Migrations_are_numbered_in_order_and_every_statement_is_idempotent()
    {
        var migrations = Neo4jMigrator.Migrations;

        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.Equal(Directory.GetFiles(RepositoryRoot.Combine("graph-schema", "neo4j", "migrations"), "*.cypher").Length, migrations.Count);
        Assert.All(migrations.SelectMany(m => m.Statements), s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
        Assert.Equal(12, migrations[0].Statements.Count); // one constraint per label
    }

    [Fact]
    public void Writes_and_curation_recompute_position_edges_with_the_same_cypher()
    {
        static string Recompute(CypherQuery query)
        {
            var lines = query.Text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
            var begin = lines.FindIndex(l => l.StartsWith("// BEGIN recompute", StringComparison.Ordinal));
            var end = lines.FindIndex(l => l == "// END recompute");
            Assert.True(begin >= 0 && end > begin, $"{query.Name}.cypher has no BEGIN/END recompute block");
            return string.Join('\n', lines[(begin + 1)..end]);
        }

        Assert.Equal(Recompute(Neo4jQueries.ApplyReport), Recompute(Neo4jQueries.SetStatementStatus));
    }

    [Fact]
    public void Statements_split_at_line_ending_semicolons_and_comment_only_parts_are_dropped()
    {
        var statements = CypherFiles.SplitStatements("""
            // header
            CREATE INDEX a IF NOT EXISTS
            FOR (n:Actor) ON (n.name);
            CREATE INDEX b IF NOT EXISTS FOR (n:Event) ON (n.title);
            // trailing note
            """);

        Assert.Equal(["// header\nCREATE INDEX a IF NOT EXISTS\nFOR (n:Actor) ON (n.name)", "CREATE INDEX b IF NOT EXISTS FOR (n:Event) ON (n.title)"], statements);
    }
}
