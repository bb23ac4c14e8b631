namespace NormsGraph.Core.Storage;

public enum TimelineGranularity
{
    Month,
    Year,
}
