using NormsGraph.Core.Storage;

namespace NormsGraph.Ingestion.Pipeline;

/// <summary>The outcome of one report: stored (with counts), or refused with the reasons.</summary>
public sealed record IngestionResult(ApplyResult? Applied, IReadOnlyList<IngestionError> Errors)
{
    public bool Succeeded => Applied is not null;

    public static IngestionResult Refused(params IngestionError[] errors) => new(null, errors);
}
