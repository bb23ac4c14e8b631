using System.Reflection;
using System.Text.RegularExpressions;
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
        // A schema command says IF (NOT) EXISTS; a data statement finds what it needs and either writes only by MERGE or
        // only deletes what it found (run again, it finds nothing more to delete).
        Assert.All(migrations.SelectMany(m => m.Statements), s =>
        {
            var code = string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal))).Trim();
            Assert.True(code.Contains(" IF NOT EXISTS", StringComparison.Ordinal) || code.Contains(" IF EXISTS", StringComparison.Ordinal)
                || (code.StartsWith("MATCH ", StringComparison.Ordinal) && code.Contains("MERGE ", StringComparison.Ordinal)
                    && !Regex.IsMatch(code, @"\b(CREATE|SET|DELETE|REMOVE)\b"))
                || (code.StartsWith("MATCH ", StringComparison.Ordinal) && Regex.IsMatch(code, @"\nDELETE \w+;?$")
                    && !Regex.IsMatch(code, @"\b(CREATE|SET|MERGE|REMOVE|DETACH)\b")), code);
        });
        Assert.Equal(12, migrations[0].Statements.Count); // one constraint per label
    }

    [Fact]
    public void Writes_and_curation_recompute_position_edges_with_the_same_cypher()
    {
        CypherQuery[] recomputing =
        [
            Neo4jQueries.ApplyReport, Neo4jQueries.SetStatementStatus, Neo4jAnalystCypher.SetStatus, Neo4jAnalystCypher.SetStance,
            Neo4jAnalystCypher.SetTarget, Neo4jAnalystCypher.MergeActors,
        ];

        Assert.All(recomputing, q => Assert.Equal(Block(Neo4jQueries.ApplyReport, "recompute"), Block(q, "recompute")));
    }

    [Fact]
    public void Writes_and_status_changes_recompute_who_took_part_in_an_event_with_the_same_cypher()
    {
        CypherQuery[] recomputing = [Neo4jQueries.ApplyReport, Neo4jQueries.SetStatementStatus, Neo4jAnalystCypher.SetStatus];
        var participation = Block(Neo4jQueries.ApplyReport, "participation");

        Assert.Contains("MERGE (a)-[:PARTICIPATED_IN]->(e)", participation, StringComparison.Ordinal);
        Assert.All(recomputing, q => Assert.Equal(participation, Block(q, "participation")));
        // Outside the block nothing writes the edge but a merge, which moves the old actor's edges as they stand.
        var writers = Directory.GetFiles(RepositoryRoot.Combine("graph-schema", "neo4j", "queries"), "*.cypher")
            .Where(f => Regex.IsMatch(Regex.Replace(File.ReadAllText(f), @"// BEGIN participation.*?// END participation", "", RegexOptions.Singleline),
                @"MERGE \(\w+\)-\[:PARTICIPATED_IN\]"))
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(["curation_merge_actors"], writers);
    }

    [Fact]
    public void Every_curation_change_writes_its_audit_entry_with_the_same_cypher_in_the_same_statement()
    {
        CypherQuery[] changes =
        [
            Neo4jAnalystCypher.SetStatus, Neo4jAnalystCypher.SetStance, Neo4jAnalystCypher.SetTarget, Neo4jAnalystCypher.MergeActors,
            Neo4jAnalystCypher.SetActor,
        ];
        var audit = Block(changes[0], "audit");

        Assert.Contains("CREATE (entry:AuditEntry", audit, StringComparison.Ordinal);
        Assert.Contains("writeToken: $writeToken", audit, StringComparison.Ordinal);
        Assert.All(changes, q =>
        {
            Assert.Equal(audit, Block(q, "audit"));
            // Nothing is changed again once an entry carries this write's token (a resend after a lost answer).
            Assert.Contains("NOT EXISTS { MATCH (:AuditEntry {writeToken: $writeToken}) }", q.Text, StringComparison.Ordinal);
            Assert.EndsWith("RETURN seq, at, beforeValue, afterValue", q.Text.TrimEnd(), StringComparison.Ordinal);
        });
        Assert.Contains("writeToken: $writeToken", Neo4jAnalystCypher.Replay.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_reads_what_it_ingests_from_the_rows_curation_has_corrected()
    {
        var text = Neo4jQueries.ApplyReport.Text;
        var firstLock = text.IndexOf(".writeLock = true", StringComparison.Ordinal);
        var corrected = text.IndexOf("AS statementRows", StringComparison.Ordinal);

        // Redirects and curated targets are read before the first lock, since they decide which pairs are locked.
        Assert.InRange(text.IndexOf("MATCH (redirect:ActorRedirect", StringComparison.Ordinal), 0, firstLock);
        Assert.InRange(text.IndexOf("coalesce(curation.targetId, row.targetId)", StringComparison.Ordinal), 0, firstLock);
        Assert.InRange(corrected, 0, firstLock);
        // After that, only the corrected rows: the raw parameter would bring back what curation changed.
        Assert.DoesNotContain("$statements", text[corrected..], StringComparison.Ordinal);
        Assert.Contains("CASE WHEN mode = 'release' THEN [] ELSE statementRows END AS writtenRows", text, StringComparison.Ordinal);
        Assert.Contains("UNWIND writtenRows AS row", text, StringComparison.Ordinal);
        Assert.Contains("s.stance = coalesce(c.stance, row.stance)", text, StringComparison.Ordinal);
        Assert.Contains("NOT EXISTS { MATCH (:ActorRedirect {oldId: actorId}) }", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_and_the_taxonomy_lay_the_curators_type_and_aliases_over_the_actors_they_write()
    {
        foreach (var query in new[] { Neo4jQueries.ApplyReport, Neo4jQueries.ApplyTaxonomy })
        {
            var text = string.Join(' ', query.Text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("a.type = coalesce(a.curatedType, row.type)", text, StringComparison.Ordinal);
            Assert.Contains("a.aliases = reduce(kept = coalesce(row.aliases, []), x IN coalesce(a.curatorAliases, []) |", text, StringComparison.Ordinal);
            Assert.DoesNotContain("a.type = row.type", text, StringComparison.Ordinal);
            Assert.DoesNotContain("a.aliases = row.aliases", text, StringComparison.Ordinal);
        }
        Assert.Contains("new.curatorAliases = reduce(", Neo4jAnalystCypher.MergeActors.Text, StringComparison.Ordinal);
    }

    private static string Block(CypherQuery query, string name)
    {
        var lines = query.Text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToList();
        var begin = lines.FindIndex(l => l.StartsWith($"// BEGIN {name}", StringComparison.Ordinal));
        var end = lines.FindIndex(l => l == $"// END {name}");
        Assert.True(begin >= 0 && end > begin, $"{query.Name}.cypher has no BEGIN/END {name} block");
        return string.Join('\n', lines[(begin + 1)..end]);
    }

    [Fact]
    public void The_parameters_a_statement_needs_are_those_its_code_refers_to_and_a_missing_one_is_named()
    {
        using var sent = System.Text.Json.JsonDocument.Parse("""{"actorId": "chl"}""");
        const string Statement = "// $inComment is not needed\nMATCH (a:Actor {id: $actorId})\nWHERE a.type = $type\nRETURN a";

        Assert.Equal(["actorId", "type"], CypherParameters.Referenced(Statement).Order(StringComparer.Ordinal));
        Assert.Equal(["type"], CypherParameters.Missing(Statement, sent.RootElement));
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
