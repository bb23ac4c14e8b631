using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Storage;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion.Tests.Pipeline;

/// <summary>Re-extraction works from what the store kept: the same report comes out, and a new extractor replaces the old reading.</summary>
public sealed class ReextractionTests
{
    [Theory]
    [InlineData("plain.txt", TestReports.SupplyChain)]
    [InlineData("notes.md", TestReports.MarkdownReport)]
    [InlineData("page.html", TestReports.HtmlReport)]
    [InlineData("post.md", TestReports.MarkdownOwnVoice)]
    public async Task A_stored_report_reads_back_into_the_same_report_and_statements(string name, string content)
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        var extractor = host.Services.GetRequiredService<ReportExtractor>();
        var original = extractor.Extract(ReportReader.Read(content, name), name);

        var again = extractor.Extract(StoredReportReader.Read(original.Report), name);

        Assert.Equal(original.Report.Id, again.Report.Id);
        Assert.NotEmpty(original.Positions);
        Assert.Equal(original.Positions.Select(p => p.Id).Order(StringComparer.Ordinal), again.Positions.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(original.Report.Date, again.Report.Date);
    }

    [Fact]
    public async Task Re_extracting_a_report_stored_by_an_older_extractor_replaces_its_statements_and_keeps_curation()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        var extractor = host.Services.GetRequiredService<ReportExtractor>();
        var current = extractor.Extract(ReportReader.Read(TestReports.CriticalInfrastructure, "ci.txt"), "ci.txt");
        // What an older extractor stored: one statement fewer, under an older version.
        var older = current with
        {
            Report = current.Report with { ExtractorVersion = "0.9+old" },
            Positions = current.Positions.Skip(1).ToList(),
        };
        await host.Store.ApplyAsync(older, IngestionHost.Ct);
        var kept = older.Positions[0].Id;
        Assert.True(await host.Store.SetStatementStatusAsync(kept, StatementStatus.Confirmed, IngestionHost.Ct));

        var stored = Assert.Single(await host.ReportsAsync());
        var result = await host.Pipeline.ReextractAsync(stored, IngestionHost.Ct);

        Assert.Equal(ApplyOutcome.Replaced, result.Applied!.Outcome);
        Assert.Equal(current.Report.Id, result.Applied.ReportId);
        var positions = await host.AllPositionsAsync();
        Assert.Equal(current.Positions.Select(p => p.Id).Order(StringComparer.Ordinal), positions.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(StatementStatus.Confirmed, positions.Single(p => p.Id == kept).Status);
        Assert.Equal(extractor.Version, Assert.Single(await host.ReportsAsync()).ExtractorVersion);

        var twice = await host.Pipeline.ReextractAsync(Assert.Single(await host.ReportsAsync()), IngestionHost.Ct);
        Assert.Equal(ApplyOutcome.Unchanged, twice.Applied!.Outcome);
    }

    [Fact]
    public async Task A_re_extraction_read_before_a_worker_stored_a_new_version_leaves_that_version_in_place()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("report.txt", TestReports.SupplyChain);
        await host.DrainAsync();
        var read = Assert.Single(await host.ReportsAsync());
        folder.Drop("report.txt", TestReports.SupplyChainEdited);
        await host.DrainAsync();

        var result = await host.Pipeline.ReextractAsync(read, IngestionHost.Ct);

        Assert.Equal(ApplyOutcome.Unchanged, result.Applied!.Outcome);
        var stored = Assert.Single(await host.ReportsAsync());
        Assert.Contains("Brazil", stored.Text, StringComparison.Ordinal);
        Assert.Contains(await host.AllPositionsAsync(), p => p.ActorId == "bra");
    }
}
