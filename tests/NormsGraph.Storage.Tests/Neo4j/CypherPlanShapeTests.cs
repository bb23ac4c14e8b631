using System.Text.RegularExpressions;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// A lint of the plan shape of the position pages, since no server can run EXPLAIN here. Neo4j serves ORDER BY
/// from a range index, with no Sort, when the ordered properties are the index's keys in the index's order and
/// the query seeks that index: equality on the keys before the first range, a seekable range (here
/// <c>&gt;=</c>) next, existence on the rest. Each page must then LIMIT after its ORDER BY, so the scan stops at
/// a full page. These tests hold every page statement to those rules against the indexes the migrations create.
/// </summary>
public sealed partial class CypherPlanShapeTests
{
    public static TheoryData<string> Pages => new(["find_positions_by_target", "find_positions_by_actor", "find_positions_by_report", "find_positions_all"]);

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_position_page_orders_by_the_keys_of_an_index_it_seeks_and_limits_after_ordering(string name)
    {
        var text = Code(CypherFiles.Query(name).Text);

        var order = OrderBy().Match(text);
        Assert.True(order.Success, $"{name} has no ORDER BY on s");
        var keys = order.Groups["keys"].Value.Split(',').Select(k => k.Trim().Replace("s.", "", StringComparison.Ordinal)).ToList();
        Assert.True(Indexes().Any(i => i.Properties.SequenceEqual(keys)), $"{name} orders by ({string.Join(", ", keys)}), which no Statement index of the migrations has as its keys");
        Assert.Single(OrderBy().Matches(text));
        Assert.Matches(@"ORDER BY [^\n]+\nLIMIT \$limit", text);

        var where = text[text.IndexOf("WHERE", StringComparison.Ordinal)..text.IndexOf("WITH s", StringComparison.Ordinal)];
        // Equality on the keys before the last two, a seekable range on the sort date, existence on the id.
        foreach (var equal in keys[..^2])
        {
            Assert.Matches($@"WHERE s\.{equal} = \$\w+\s", where);
        }
        Assert.Contains("s.sortDate >= coalesce($afterDate, '')", where, StringComparison.Ordinal);
        Assert.Contains("AND s.id IS NOT NULL", where, StringComparison.Ordinal);
        Assert.Equal(["sortDate", "id"], keys[^2..]);
        Assert.StartsWith("MATCH (s:Statement)\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_chooses_the_page_statement_of_its_anchor()
    {
        Assert.Contains("WHERE s.targetId = $targetId", Neo4jQueries.FindPositionsByTarget.Text, StringComparison.Ordinal);
        Assert.Contains("WHERE s.actorId = $actorId", Neo4jQueries.FindPositionsByActor.Text, StringComparison.Ordinal);
        Assert.Contains("WHERE s.reportId = $reportId", Neo4jQueries.FindPositionsByReport.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Id = $", Neo4jQueries.FindPositionsAll.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_anchor_of_the_batched_pages_seeks_its_index_orders_by_its_keys_and_limits_after_ordering()
    {
        var branches = Code(Neo4jQueries.FindPositionPages.Text).Split("UNION ALL");

        Assert.Equal(3, branches.Length);
        foreach (var (branch, key) in branches.Zip(["actorId", "targetId", "reportId"]))
        {
            Assert.True(Indexes().Any(i => i.Properties.SequenceEqual([key, "sortDate", "id"])), $"no Statement index on ({key}, sortDate, id)");
            Assert.Matches($@"WHERE s\.{key} = anchorId\s", branch);
            Assert.Contains("AND s.sortDate >= ''", branch, StringComparison.Ordinal);
            Assert.Contains("AND s.id IS NOT NULL", branch, StringComparison.Ordinal);
            Assert.Matches($@"ORDER BY s\.{key}, s\.sortDate, s\.id\s+LIMIT \$limit", branch);
            Assert.Single(OrderBy().Matches(branch));
        }
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Properties)> Indexes() =>
        Neo4jMigrator.Migrations.SelectMany(m => m.Statements)
            .Select(s => StatementIndex().Match(s))
            .Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value, (IReadOnlyList<string>)[.. m.Groups["props"].Value.Split(',').Select(p => p.Trim().Replace("n.", "", StringComparison.Ordinal))]));

    // The statement without its comment lines.
    private static string Code(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    [GeneratedRegex(@"ORDER BY (?<keys>s\.\w+(?:, s\.\w+)*)")]
    private static partial Regex OrderBy();

    [GeneratedRegex(@"CREATE INDEX (?<name>\w+) IF NOT EXISTS FOR \(n:Statement\) ON \((?<props>[^)]*)\)")]
    private static partial Regex StatementIndex();
}
