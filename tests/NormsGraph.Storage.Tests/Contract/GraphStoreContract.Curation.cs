using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using static NormsGraph.Storage.Tests.Contract.TestGraphs;

namespace NormsGraph.Storage.Tests.Contract;

/// <summary>Curation changes, what they do to every answer, how they survive re-ingestion, and their audit trail.</summary>
public abstract partial class GraphStoreContract
{
    private const string TwoActors = "Chile agreed on disclosure. Access Now called for responsible disclosure.";

    private static ReportGraph TwoActorReport(string extractor = "test")
    {
        var graph = Report(TwoActors, new DateOnly(2020, 2, 12), "curation.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."),
            (AccessNow, Stance.Support, DisclosureNorm, "Access Now called for responsible disclosure."));
        return graph with { Report = graph.Report with { ExtractorVersion = extractor } };
    }

    private async Task<PositionRecord> StatementOfAsync(string actorId) =>
        (await Store.FindPositionsAsync(new PositionQuery(ActorId: actorId, IncludeRejected: true), Ct)).Items.Single();

    [Fact]
    public async Task Rejecting_a_statement_records_who_when_before_and_after_and_survives_re_extraction()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);
        var chile = await StatementOfAsync("chl");

        var entry = await Store.CurateAsync(new CurationRequest(CurationAction.RejectStatement, chile.Id), "alice", Ct);
        await Store.ApplyAsync(TwoActorReport(extractor: "next"), Ct);

        Assert.NotNull(entry);
        Assert.Equal(("alice", CurationAction.RejectStatement, chile.Id, "extracted", "rejected"), (entry.Who, entry.Action, entry.Subject, entry.Before, entry.After));
        Assert.Equal(StatementStatus.Rejected, (await StatementOfAsync("chl")).Status);
        Assert.DoesNotContain((await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j"), Ct)).Items, e => e.ActorId == "chl");
    }

    [Fact]
    public async Task A_new_stance_or_target_moves_the_position_edge_and_holds_after_re_extraction()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);
        var chile = await StatementOfAsync("chl");
        var access = await StatementOfAsync("access-now");

        var stance = await Store.CurateAsync(new CurationRequest(CurationAction.SetStance, chile.Id, "oppose"), "alice", Ct);
        var target = await Store.CurateAsync(new CurationRequest(CurationAction.SetTarget, access.Id, "gge-13k"), "bob", Ct);
        await Store.ApplyAsync(TwoActorReport(extractor: "next"), Ct);

        Assert.Equal(("support", "oppose"), (stance!.Before, stance.After));
        Assert.Equal(("gge-13j", "gge-13k"), (target!.Before, target.After));
        var disclosure = await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j"), Ct);
        Assert.Equal([("chl", Stance.Oppose)], disclosure.Items.Select(e => (e.ActorId, e.Stance)));
        Assert.Equal("access-now", Assert.Single((await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13k"), Ct)).Items).ActorId);
        Assert.Equal(Stance.Oppose, (await StatementOfAsync("chl")).Stance);
    }

    [Fact]
    public async Task Merging_actors_moves_statements_and_aliases_and_the_old_id_resolves_to_the_new()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);

        var entry = await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "chl"), "alice", Ct);

        Assert.Equal(("access-now", "chl"), (entry!.Before, entry.After));
        var actors = await Store.GetActorsAsync(["access-now", "chl"], Ct);
        Assert.Equal("chl", actors["access-now"].Id);
        Assert.Contains("Access Now", actors["chl"].Aliases);
        Assert.Contains("AccessNow", actors["chl"].Aliases);
        var edge = Assert.Single((await Store.FindPositionEdgesAsync(new PositionEdgeQuery(TargetId: "gge-13j"), Ct)).Items);
        Assert.Equal(("chl", 2), (edge.ActorId, edge.Statements));
        Assert.Equal(2, (await Store.FindPositionsAsync(new PositionQuery(ActorId: "access-now"), Ct)).TotalCount);
        Assert.Equal("chl", (await Store.SearchAsync(new SearchQuery("Access Now", Kinds: ["actor"]), Ct)).Items.Single().Id);
    }

    [Fact]
    public async Task An_actors_own_name_is_refused_as_its_alias_and_nothing_is_logged()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);

        var refused = await Assert.ThrowsAsync<CurationException>(() =>
            Store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "chl", "CHILE"), "alice", Ct));

        Assert.Contains("name", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CHILE", (await Store.GetActorsAsync(["chl"], Ct))["chl"].Aliases);
        Assert.Equal(0, (await Store.GetAuditLogAsync("chl", 10, null, Ct)).TotalCount);
    }

    [Fact]
    public async Task A_change_through_a_merged_actors_old_id_is_made_and_logged_on_the_survivor_and_a_second_merge_of_it_is_refused()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "chl"), "alice", Ct);

        var alias = await Store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "access-now", "Chilean Republic"), "bob", Ct);
        var type = await Store.CurateAsync(new CurationRequest(CurationAction.SetActorType, "access-now", "other"), "bob", Ct);
        var merge = await Assert.ThrowsAsync<CurationException>(() =>
            Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "jpn"), "bob", Ct));

        Assert.Equal(("chl", "chl"), (alias!.Subject, type!.Subject));
        // The survivor's log holds the merge into it and both changes; the old id's holds only the merge itself.
        Assert.Equal([CurationAction.MergeActors, CurationAction.AddAlias, CurationAction.SetActorType],
            (await Store.GetAuditLogAsync("chl", 10, null, Ct)).Items.Select(e => e.Action));
        Assert.Equal(CurationAction.MergeActors, Assert.Single((await Store.GetAuditLogAsync("access-now", 10, null, Ct)).Items).Action);
        Assert.Contains("'chl'", merge.Message, StringComparison.Ordinal);
        Assert.Equal(ActorType.Other, (await Store.GetActorsAsync(["chl"], Ct))["chl"].Type);
        Assert.Contains("Chilean Republic", (await Store.GetActorsAsync(["chl"], Ct))["chl"].Aliases);
        Assert.Equal("jpn", (await Store.GetActorsAsync(["jpn"], Ct))["jpn"].Id);
    }

    [Fact]
    public async Task A_merged_actors_old_id_reads_the_evidence_and_reports_of_the_actor_it_resolves_to()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "chl"), "alice", Ct);
        var old = new PositionEdgeKey("access-now", "gge-13j", Stance.Support);

        var evidence = await Store.FindEvidenceAsync([old], 5, Ct);
        var reports = await Store.FindStanceReportsAsync([old], 5, null, Ct);

        Assert.Equal(2, evidence[old].Count);
        Assert.Equal((1, 1), (reports[old].TotalCount, reports[old].Items.Count));
    }

    [Fact]
    public async Task A_graph_view_focused_on_a_merged_actors_old_id_shows_the_actor_it_resolves_to()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "access-now", "chl"), "alice", Ct);

        var byOld = await Store.GetGraphViewAsync(new GraphViewQuery(["access-now"]), Ct);
        var byNew = await Store.GetGraphViewAsync(new GraphViewQuery(["chl"]), Ct);

        Assert.Equal(byNew.Nodes.Select(n => (n.Id, n.Distance)), byOld.Nodes.Select(n => (n.Id, n.Distance)));
        Assert.Equal(byNew.Edges.Select(e => e.Id), byOld.Edges.Select(e => e.Id));
        Assert.NotEmpty(byOld.Edges);
    }

    [Fact]
    public async Task An_added_alias_is_searchable_and_a_new_type_regroups_the_actor()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);

        var alias = await Store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "access-now", "AN digital rights"), "alice", Ct);
        var type = await Store.CurateAsync(new CurationRequest(CurationAction.SetActorType, "access-now", "private_sector"), "alice", Ct);

        Assert.Equal("""["AccessNow"]""", alias!.Before);
        Assert.Equal(("civil_society", "private_sector"), (type!.Before, type.After));
        Assert.Equal("access-now", (await Store.SearchAsync(new SearchQuery("digital rights"), Ct)).Items.Single().Id);
        Assert.Equal(ActorType.PrivateSector, (await Store.GetActorsAsync(["access-now"], Ct))["access-now"].Type);
        var coalitions = await Store.GetCoalitionsAsync("gge-13j", Stance.Support, Ct);
        Assert.Contains(coalitions, c => c.Kind == CoalitionKind.ActorType && c.Key == "private_sector" && c.ActorIds.SequenceEqual(["access-now"]));
    }

    // Actors found in text (not curated): a report that mentions one writes its type and aliases again.
    private static readonly Actor Ict4Peace = new("ict4peace", "ICT4Peace", ActorType.Other, ["ICT4Peace Foundation"], false);
    private static readonly Actor CyberPeace = new("cyberpeace", "CyberPeace Institute", ActorType.Other, ["CPI"], false);

    private static ReportGraph MentionOf(Actor actor, string text, string source) =>
        Report(text, new DateOnly(2021, 5, 3), source, (actor, Stance.Support, DisclosureNorm, text));

    [Fact]
    public async Task A_curated_type_and_alias_of_an_actor_found_in_text_hold_when_later_reports_mention_it()
    {
        await Store.ApplyAsync(MentionOf(Ict4Peace, "ICT4Peace called for disclosure.", "first.txt"), Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.SetActorType, "ict4peace", "civil_society"), "alice", Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "ict4peace", "ICT for Peace"), "alice", Ct);

        // Another report, then a new version of the first, each with the type and aliases found in its text.
        await Store.ApplyAsync(MentionOf(Ict4Peace with { Aliases = ["ICT4Peace Foundation", "ICT4P"] }, "ICT4Peace stressed disclosure.", "second.txt"), Ct);
        await Store.ApplyAsync(MentionOf(Ict4Peace, "ICT4Peace called again for disclosure.", "first.txt"), Ct);

        var actor = (await Store.GetActorsAsync(["ict4peace"], Ct))["ict4peace"];
        Assert.Equal(ActorType.CivilSociety, actor.Type);
        Assert.Equal(["ICT4Peace Foundation", "ICT for Peace"], actor.Aliases);
        Assert.Equal("ict4peace", Assert.Single((await Store.SearchAsync(new SearchQuery("ICT for Peace", Kinds: ["actor"]), Ct)).Items).Id);
        var coalitions = await Store.GetCoalitionsAsync("gge-13j", Stance.Support, Ct);
        Assert.Contains(coalitions, c => c.Kind == CoalitionKind.ActorType && c.Key == "civil_society" && c.ActorIds.Contains("ict4peace"));
    }

    [Fact]
    public async Task A_merge_survivor_keeps_the_moved_aliases_when_a_later_report_mentions_it()
    {
        await Store.ApplyAsync(MentionOf(Ict4Peace, "ICT4Peace called for disclosure.", "first.txt"), Ct);
        await Store.ApplyAsync(MentionOf(CyberPeace, "The CyberPeace Institute called for disclosure.", "second.txt"), Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "cyberpeace", "ict4peace"), "alice", Ct);

        await Store.ApplyAsync(MentionOf(Ict4Peace with { Aliases = ["ICT4P"] }, "ICT4Peace stressed disclosure.", "third.txt"), Ct);

        var actor = (await Store.GetActorsAsync(["ict4peace", "cyberpeace"], Ct))["ict4peace"];
        Assert.Equal(["ICT4P", "CyberPeace Institute", "CPI"], actor.Aliases);
        Assert.Equal("ict4peace", (await Store.GetActorsAsync(["cyberpeace"], Ct))["cyberpeace"].Id);
        Assert.Equal("ict4peace", Assert.Single((await Store.SearchAsync(new SearchQuery("CyberPeace Institute", Kinds: ["actor"]), Ct)).Items).Id);
    }

    [Fact]
    public async Task Curated_types_and_aliases_of_taxonomy_actors_hold_when_a_changed_taxonomy_is_applied()
    {
        await Store.ApplyAsync(MentionOf(CyberPeace, "The CyberPeace Institute called for disclosure.", "first.txt"), Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.SetActorType, "access-now", "private_sector"), "alice", Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "access-now", "AN digital rights"), "alice", Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "cyberpeace", "chl"), "alice", Ct);

        var taxonomy = Taxonomy();
        await Store.ApplyTaxonomyAsync(taxonomy with
        {
            Actors = [AccessNow with { Aliases = ["AccessNow", "Access Now Inc"] }, Chile, Japan with { Aliases = ["Nippon"] }],
        }, Ct);

        var actors = await Store.GetActorsAsync(["access-now", "chl", "jpn"], Ct);
        Assert.Equal(ActorType.PrivateSector, actors["access-now"].Type);
        Assert.Equal(["AccessNow", "Access Now Inc", "AN digital rights"], actors["access-now"].Aliases);
        Assert.Equal(["Republic of Chile", "CyberPeace Institute", "CPI"], actors["chl"].Aliases);
        Assert.Equal(["Nippon"], actors["jpn"].Aliases);
        Assert.Equal("access-now", Assert.Single((await Store.SearchAsync(new SearchQuery("digital rights", Kinds: ["actor"]), Ct)).Items).Id);
    }

    [Fact]
    public async Task Unknown_subjects_change_nothing_and_bad_values_are_refused()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);
        var chile = await StatementOfAsync("chl");

        Assert.Null(await Store.CurateAsync(new CurationRequest(CurationAction.ConfirmStatement, "no-such-statement"), "alice", Ct));
        Assert.Null(await Store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "no-such-actor", "x"), "alice", Ct));
        await Assert.ThrowsAsync<CurationException>(() => Store.CurateAsync(new CurationRequest(CurationAction.SetStance, chile.Id, "maybe"), "alice", Ct));
        await Assert.ThrowsAsync<CurationException>(() => Store.CurateAsync(new CurationRequest(CurationAction.SetTarget, chile.Id, "gge-99"), "alice", Ct));
        await Assert.ThrowsAsync<CurationException>(() => Store.CurateAsync(new CurationRequest(CurationAction.MergeActors, "chl", "chl"), "alice", Ct));
        await Assert.ThrowsAsync<CurationException>(() => Store.CurateAsync(new CurationRequest(CurationAction.SetActorType, "chl", "robot"), "alice", Ct));

        Assert.Equal(0, (await Store.GetAuditLogAsync(null, 10, null, Ct)).TotalCount);
        Assert.Equal((Stance.Support, StatementStatus.Extracted), ((await StatementOfAsync("chl")).Stance, (await StatementOfAsync("chl")).Status));
    }

    [Fact]
    public async Task A_submitted_report_is_in_the_audit_log_with_who_sent_it_and_what_it_replaced()
    {
        var first = Report("Chile agreed on disclosure.", new DateOnly(2020, 2, 12), "a.txt", (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure."));
        var second = Report("Chile agreed on disclosure again.", new DateOnly(2020, 2, 12), "a.txt",
            (Chile, Stance.Support, DisclosureNorm, "Chile agreed on disclosure again."));

        await Store.ApplyAsync(first with { SubmittedBy = "curator" }, Ct);
        await Store.ApplyAsync(first with { SubmittedBy = "dashboard" }, Ct);
        await Store.ApplyAsync(Report("Japan spoke.", null, "inbox.txt", (Japan, Stance.Support, IntlLaw, "Japan spoke.")), Ct);
        await Store.ApplyAsync(second with { SubmittedBy = "curator" }, Ct);

        var log = await Store.GetAuditLogAsync(null, 10, null, Ct);
        var aboutSecond = await Store.GetAuditLogAsync(second.Report.Id, 10, null, Ct);

        // The inbox's report names no caller and is not in the log.
        Assert.Equal(
            [
                ("curator", CurationAction.SubmitReport, first.Report.Id, (string?)null, "ingested"),
                ("dashboard", CurationAction.SubmitReport, first.Report.Id, null, "unchanged"),
                ("curator", CurationAction.SubmitReport, second.Report.Id, first.Report.Id, "replaced"),
            ],
            log.Items.Select(e => (e.Who, e.Action, e.Subject, e.Before, e.After!)));
        Assert.Equal(second.Report.Id, Assert.Single(aboutSecond.Items).Subject);
    }

    [Fact]
    public async Task The_audit_log_pages_oldest_first_and_filters_by_subject()
    {
        await Store.ApplyAsync(TwoActorReport(), Ct);
        var chile = await StatementOfAsync("chl");
        await Store.CurateAsync(new CurationRequest(CurationAction.ConfirmStatement, chile.Id), "alice", Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.AddAlias, "chl", "Chili"), "bob", Ct);
        await Store.CurateAsync(new CurationRequest(CurationAction.RejectStatement, chile.Id), "carol", Ct);

        var first = await Store.GetAuditLogAsync(null, 2, null, Ct);
        var rest = await Store.GetAuditLogAsync(null, 2, first.EndCursor, Ct);
        var aboutChile = await Store.GetAuditLogAsync(chile.Id, 10, null, Ct);

        Assert.Equal((3, true), (first.TotalCount, first.HasNextPage));
        Assert.Equal(["alice", "bob"], first.Items.Select(e => e.Who));
        Assert.Equal("carol", Assert.Single(rest.Items).Who);
        Assert.Equal([("confirmed", "extracted"), ("rejected", "confirmed")], aboutChile.Items.Select(e => (e.After!, e.Before!)));
    }
}
