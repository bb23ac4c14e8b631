using NormsGraph.Ingestion.Pipeline;

namespace NormsGraph.Ingestion.Inbox;

/// <summary>The <c>&lt;name&gt;.error.json</c> written beside a refused file: why, at which stage, when and by whom.</summary>
internal sealed record FailureRecord(
    string File,
    string Code,
    string Reason,
    string Stage,
    DateTimeOffset Time,
    string WorkerId,
    IReadOnlyList<IngestionError> Errors);
