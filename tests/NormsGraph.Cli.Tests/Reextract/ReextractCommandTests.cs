using NormsGraph.Cli.Ingest;
using NormsGraph.Cli.Reextract;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Cli.Tests.Reextract;

public sealed class ReextractCommandTests
{
    private const string Report = """
        Informal consultations on the Programme of Action

        12 Oct 2022 15:00h - 17:00h

        Event report

        France stressed that international law, and in particular the UN Charter, applies in cyberspace. Chile called for the protection of computer emergency response teams.
        """;

    // The built-in taxonomy, copied out so a test can change it the way an analyst would.
    private static string CopyTaxonomy(CliRun run, string comment)
    {
        var folder = Path.Combine(run.Root, "taxonomy");
        Directory.CreateDirectory(folder);
        var assembly = typeof(TaxonomyLoader).Assembly;
        foreach (var name in new[] { "states.yaml", "actors.yaml", "processes.yaml", "norms.yaml", "language.yaml" })
        {
            using var stream = assembly.GetManifestResourceStream("taxonomy/" + name)!;
            using var reader = new StreamReader(stream);
            File.WriteAllText(Path.Combine(folder, name), reader.ReadToEnd() + (name == "norms.yaml" ? $"\n# {comment}\n" : ""));
        }
        return folder;
    }

    [Fact]
    public async Task Reports_already_extracted_by_this_version_are_left_alone()
    {
        using var run = new CliRun();
        run.Write("reports/poa.txt", Report);
        await run.RunAsync((s, c, e, ct) => IngestCommand.RunAsync(s, [Path.Combine(run.Root, "reports")], 1, c, e, ct));

        var (code, output, _) = await run.RunAsync((s, c, _, ct) => ReextractCommand.RunAsync(s, 1, c, ct));

        Assert.Equal(0, code);
        Assert.Contains("  unchanged  1", output, StringComparison.Ordinal);
        Assert.Contains("already extracted by", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_taxonomy_re_extracts_every_stored_report_without_the_files_and_keeps_curation()
    {
        using var run = new CliRun();
        var reports = Path.Combine(run.Root, "reports");
        run.Write("reports/poa.txt", Report);
        await run.RunAsync((s, c, e, ct) => IngestCommand.RunAsync(s, [reports], 1, c, e, ct));
        Directory.Delete(reports, recursive: true);
        string curated;
        IReadOnlyList<string> before;
        using (var store = new EmbeddedGraphStore(run.StorePath))
        {
            var page = await store.FindPositionsAsync(new PositionQuery(), CliRun.Ct);
            before = page.Items.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
            curated = page.Items[0].Id;
            Assert.True(await store.SetStatementStatusAsync(curated, StatementStatus.Confirmed, CliRun.Ct));
        }

        var taxonomy = CopyTaxonomy(run, "reviewed by an analyst");
        var (code, output, _) = await run.RunAsync((s, c, _, ct) => ReextractCommand.RunAsync(s, 1, c, ct), taxonomy);

        Assert.Equal(0, code);
        Assert.Contains("  replaced   1", output, StringComparison.Ordinal);
        using var reopened = new EmbeddedGraphStore(run.StorePath);
        var after = await reopened.FindPositionsAsync(new PositionQuery(IncludeRejected: true), CliRun.Ct);
        Assert.Equal(before, after.Items.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(StatementStatus.Confirmed, after.Items.Single(p => p.Id == curated).Status);
        var stored = new List<Report>();
        await foreach (var report in reopened.ReadReportsAsync(CliRun.Ct))
        {
            stored.Add(report);
        }
        Assert.Equal(TaxonomyLoader.LoadFromDirectory(taxonomy).Version, Assert.Single(stored).ExtractorVersion.Split('+')[1]);
    }

    [Fact]
    public async Task A_statement_an_analyst_filed_is_not_re_extracted_away()
    {
        using var run = new CliRun();
        run.Write("reports/poa.txt", Report);
        await run.RunAsync((s, c, e, ct) => IngestCommand.RunAsync(s, [Path.Combine(run.Root, "reports")], 1, c, e, ct));
        // What addStatement stores: a small report of the statement alone, its position chosen by the analyst, confirmed.
        const string text = "We stand behind the protection of incident response teams.";
        var reportId = StableIds.ForReportText("statement\n" + text);
        var source = "analyst#" + reportId;
        string filed;
        using (var store = new EmbeddedGraphStore(run.StorePath))
        {
            var estonia = (await store.GetActorsAsync(["est"], CliRun.Ct))["est"];
            var certs = (await store.GetTargetsAsync(["gge-13k"], CliRun.Ct))["gge-13k"];
            filed = StatementIds.Create(source, text, estonia.Id, certs.Id, Stance.Support);
            var report = new Report(reportId, "Statement by Estonia", new DateOnly(2024, 3, 1), source, text, ReportFormat.PlainText,
                FiledStatements.ExtractorVersion);
            await store.ApplyAsync(new ReportGraph(report, null, null, [estonia], [certs],
                [new ExtractedPosition(filed, estonia.Id, Stance.Support, certs.Id, text, 0, text.Length, 1.0)]), CliRun.Ct);
            Assert.True(await store.SetStatementStatusAsync(filed, StatementStatus.Confirmed, CliRun.Ct));
        }

        var (code, output, _) = await run.RunAsync((s, c, _, ct) => ReextractCommand.RunAsync(s, 1, c, ct), CopyTaxonomy(run, "reviewed"));

        using var reopened = new EmbeddedGraphStore(run.StorePath);
        var kept = Assert.Single((await reopened.FindPositionsAsync(new PositionQuery(ReportId: reportId), CliRun.Ct)).Items);
        Assert.Equal((filed, StatementStatus.Confirmed), (kept.Id, kept.Status));
        Assert.Equal(0, code);
        Assert.Contains("  replaced   1", output, StringComparison.Ordinal);
        Assert.Contains("filed by an analyst", output, StringComparison.Ordinal);
    }
}
