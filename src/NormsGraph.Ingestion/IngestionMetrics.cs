using System.Diagnostics.Metrics;
using NormsGraph.Core.Storage;

namespace NormsGraph.Ingestion;

/// <summary>Ingestion counters and durations on the <c>NormsGraph.Ingestion</c> meter (exported through OpenTelemetry).</summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "NormsGraph.Ingestion";

    private readonly Counter<long> _ingested;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _requeued;
    private readonly Histogram<double> _duration;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _ingested = meter.CreateCounter<long>("normsgraph.reports.ingested", "{report}", "Reports applied to the store, by outcome (ingested, replaced, unchanged).");
        _failed = meter.CreateCounter<long>("normsgraph.reports.failed", "{report}", "Reports refused, by stage and code.");
        _retried = meter.CreateCounter<long>("normsgraph.reports.retried", "{attempt}", "Store attempts retried after a transient failure.");
        _requeued = meter.CreateCounter<long>("normsgraph.reports.requeued", "{report}",
            "Reports handed back to the inbox because the store stayed unavailable for the whole retry budget.");
        _duration = meter.CreateHistogram<double>("normsgraph.reports.duration", "s", "Time to ingest one report, from reading to commit.");
    }

    public void Ingested(ApplyOutcome outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant());
        _ingested.Add(1, tag);
        _duration.Record(elapsed.TotalSeconds, tag);
    }

    public void Refused(string stage, string code) =>
        _failed.Add(1, new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("code", code));

    public void Retried() => _retried.Add(1);

    public void Requeued() => _requeued.Add(1);
}
