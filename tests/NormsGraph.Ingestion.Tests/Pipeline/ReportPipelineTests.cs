using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion.Tests.Pipeline;

public sealed class ReportPipelineTests
{
    [Fact]
    public async Task Submitted_text_goes_through_the_same_validation_as_files()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);

        var json = await host.Pipeline.IngestAsync(new ReportSubmission("""{"report": "exported", "by": "a tool that writes JSON"}""", null, null), IngestionHost.Ct);
        var declared = await host.Pipeline.IngestAsync(new ReportSubmission(TestReports.MarkdownReport, "statement", ReportFormat.Markdown), IngestionHost.Ct);

        Assert.Equal("UNKNOWN_FORMAT", Assert.Single(json.Errors).Code);
        Assert.Equal(ApplyOutcome.Ingested, declared.Applied!.Outcome);
    }

    [Fact]
    public async Task A_store_that_never_answers_surfaces_as_unavailable_after_the_retry_budget()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, new() { ["Ingestion:StoreRetries"] = "1" }, flaky: true);
        host.Flaky!.Down = true;

        await Assert.ThrowsAsync<StoreUnavailableException>(() =>
            host.Pipeline.IngestAsync(new ReportSubmission(TestReports.SupplyChain, "a.txt", null), IngestionHost.Ct));

        Assert.Equal(1, host.Flaky.ApplyCalls);
    }

    [Fact]
    public async Task Metrics_count_ingested_failed_and_retried_reports_and_their_duration()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, flaky: true);
        var meterFactory = host.Services.GetRequiredService<IMeterFactory>();
        var measured = new List<(string Name, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestionMetrics.MeterName && instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
            lock (measured)
            {
                measured.Add((instrument.Name, value, text));
            }
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        host.Flaky!.FailuresLeft = 1;

        await host.Pipeline.IngestAsync(new ReportSubmission(TestReports.SupplyChain, "a.txt", null), IngestionHost.Ct);
        await host.Pipeline.IngestAsync(new ReportSubmission(TestReports.SupplyChain, "a.txt", null), IngestionHost.Ct);
        await host.Pipeline.IngestAsync(new ReportSubmission("", "empty.txt", null), IngestionHost.Ct);

        Assert.Contains(("normsgraph.reports.ingested", 1d, "outcome=ingested"), measured);
        Assert.Contains(("normsgraph.reports.ingested", 1d, "outcome=unchanged"), measured);
        Assert.Contains(("normsgraph.reports.failed", 1d, "stage=validate,code=EMPTY_REPORT"), measured);
        Assert.Single(measured, m => m.Name == "normsgraph.reports.retried");
        Assert.Equal(2, measured.Count(m => m.Name == "normsgraph.reports.duration" && m.Value > 0));
    }
}
