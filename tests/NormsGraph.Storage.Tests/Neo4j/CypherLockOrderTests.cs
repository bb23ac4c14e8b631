using System.Text.RegularExpressions;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// Every writer of the graph takes its locks in one global order (a report's source, then Report, Actor, Target,
/// Process, Event, then Framework), each kind by id, so concurrent writers cannot deadlock (docs/neo4j.md). No server runs here to
/// show it, so these tests read the order off the write statements themselves: the kinds they lock, in the
/// order they lock them, each after an ORDER BY on the id.
/// </summary>
public sealed partial class CypherLockOrderTests
{
    private static readonly string[] GlobalOrder = ["ReportSource", "Report", "Actor", "Target", "Process", "Event", "Framework"];

    [Fact]
    public void A_report_locks_its_source_its_documents_then_actors_targets_processes_and_events_each_in_id_order()
    {
        var text = Neo4jQueries.ApplyReport.Text;

        Assert.Equal(["ReportSource", "Report", "Actor", "Target", "Process", "Event"], ExplicitLocks(text).Select(l => l.Label));
        // A write has one source, so its one lock needs no order.
        Assert.Contains("UNWIND [x IN [$report.source] WHERE x IS NOT NULL] AS source", text, StringComparison.Ordinal);
        Assert.All(ExplicitLocks(text).Skip(1), l => Assert.True(OrderedBefore(text, l.At),
            $"the {l.Label} locks of apply_report are not taken after an ORDER BY of their ids"));
    }

    [Fact]
    public void Curation_locks_the_actor_the_target_and_the_event_before_it_writes_the_statement()
    {
        var text = Neo4jQueries.SetStatementStatus.Text;
        var locks = ExplicitLocks(text);

        Assert.Equal(["Actor", "Target", "Event"], locks.Select(l => l.Label));
        Assert.True(locks[^1].At < text.IndexOf("SET c.status", StringComparison.Ordinal), "curation writes before it holds the statement's locks");
    }

    [Fact]
    public void The_taxonomy_upserts_each_kind_in_id_order_in_the_global_order()
    {
        var text = Neo4jQueries.ApplyTaxonomy.Text;
        var merges = TaxonomyMerge().Matches(text).Select(m => (Label: m.Groups["label"].Value, m.Index)).ToList();

        Assert.Equal(["Actor", "Target", "Process", "Framework"], merges.Select(m => m.Label));
        Assert.All(merges, m => Assert.Contains("ORDER BY row.id", text[Math.Max(0, m.Index - 80)..m.Index], StringComparison.Ordinal));
    }

    private static readonly string[] CurationChangeFiles = ["curation_set_status", "curation_set_stance", "curation_set_target", "curation_merge_actors"];

    public static TheoryData<string> CurationChanges => new(CurationChangeFiles);

    [Theory]
    [MemberData(nameof(CurationChanges))]
    public void A_curation_change_locks_actors_then_targets_then_events_each_list_in_id_order_and_the_audit_counter_last(string name)
    {
        var text = CypherFiles.Query(name).Text;
        var locks = IdLocks(text);

        Assert.Equal(["Actor", "Target"], locks.Select(l => l.Label).Distinct().Take(2));
        Assert.Subset(new HashSet<string> { "Actor", "Target", "Event" }, locks.Select(l => l.Label).ToHashSet());
        Assert.Equal(locks.Select(l => Array.IndexOf(GlobalOrder, l.Label)).Order(), locks.Select(l => Array.IndexOf(GlobalOrder, l.Label)));
        foreach (var (label, id, at) in locks)
        {
            // A lock of several ids (UNWIND … WITH DISTINCT id) sorts them first; a lock of one id needs no order.
            var distinct = text.LastIndexOf($"WITH DISTINCT {id}\n", at, StringComparison.Ordinal);
            if (distinct >= 0)
            {
                Assert.True(text[distinct..at].Contains($"ORDER BY {id}\n", StringComparison.Ordinal), $"{name} locks its {label} nodes out of id order");
            }
        }
        var counter = text.IndexOf("SET counter.writeLock = true", StringComparison.Ordinal);
        Assert.True(counter > locks[^1].At, $"{name} locks the audit counter before the nodes it changes");
        Assert.True(counter < text.IndexOf("SET counter.next", StringComparison.Ordinal), $"{name} reads the audit counter before it holds its lock");
    }

    [Fact]
    public void An_actor_change_locks_the_actor_before_it_reads_what_it_compares()
    {
        var text = Neo4jAnalystCypher.SetActor.Text;

        Assert.True(text.IndexOf("SET a.writeLock = true", StringComparison.Ordinal) < text.IndexOf("$expectedAliases", text.IndexOf("MATCH", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_writer_follows_the_one_global_order()
    {
        IEnumerable<IEnumerable<string>> writers =
        [
            ExplicitLocks(Neo4jQueries.ApplyReport.Text).Select(l => l.Label),
            ExplicitLocks(Neo4jQueries.SetStatementStatus.Text).Select(l => l.Label),
            .. CurationChangeFiles.Select(c => ExplicitLocks(CypherFiles.Query(c).Text).Select(l => l.Label)),
            TaxonomyMerge().Matches(Neo4jQueries.ApplyTaxonomy.Text).Select(m => m.Groups["label"].Value),
        ];
        foreach (var labels in writers)
        {
            var ranks = labels.Select(l => Array.IndexOf(GlobalOrder, l)).ToList();
            Assert.DoesNotContain(-1, ranks);
            Assert.Equal(ranks.Order(), ranks);
        }
    }

    // `MATCH (x:Label {id: …})` (or a MERGE on a report source's key) followed by `SET x.writeLock = true`: the
    // statement's explicit lock of a kind.
    private static List<(string Label, int At)> ExplicitLocks(string text) =>
        [.. WriteLock().Matches(text).Select(m => (m.Groups["label"].Value, m.Index))];

    // The lock's CALL block sorts the ids it locks: an ORDER BY comes between the block's start and the lock.
    private static bool OrderedBefore(string text, int at)
    {
        var start = text.LastIndexOf("CALL () {", at, StringComparison.Ordinal);
        var scoped = text.LastIndexOf("CALL (pairs) {", at, StringComparison.Ordinal);
        var events = text.LastIndexOf("CALL (eventIds) {", at, StringComparison.Ordinal);
        var begin = Math.Max(start, Math.Max(scoped, events));
        return begin >= 0 && Regex.IsMatch(text[begin..at], @"ORDER BY \w+\n");
    }

    private static List<(string Label, string Id, int At)> IdLocks(string text) =>
        [.. WriteLock().Matches(text).Select(m => (m.Groups["label"].Value, m.Groups["id"].Value, m.Index))];

    [GeneratedRegex(@"(?:MATCH \((?<var>\w+):(?<label>\w+) \{id|MERGE \((?<var>\w+):(?<label>ReportSource) \{source): (?<id>\w+)\}\)\s*\n\s*SET \k<var>\.writeLock = true")]
    private static partial Regex WriteLock();

    [GeneratedRegex(@"MERGE \(\w+:(?<label>\w+) \{id: row\.id\}\)")]
    private static partial Regex TaxonomyMerge();
}
