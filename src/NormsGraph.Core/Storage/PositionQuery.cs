using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Storage;

/// <summary>
/// A filter over statements, paged by an opaque cursor (see <see cref="PositionCursor"/>). <see cref="MinConfidence"/>
/// keeps statements whose calibrated confidence is at least that.
/// </summary>
public sealed record PositionQuery(
    string? TargetId = null,
    string? ActorId = null,
    Stance? Stance = null,
    int First = PositionQuery.DefaultPageSize,
    string? After = null,
    bool IncludeRejected = false,
    string? ReportId = null,
    double? MinConfidence = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
