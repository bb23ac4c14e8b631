using Microsoft.Extensions.Logging;

namespace NormsGraph.Embeddings;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Stored {Count} statement evidence vectors")]
    public static partial void VectorsIndexed(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Evidence vectors not indexed this pass: {Reason}")]
    public static partial void VectorsNotIndexed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Matching ready: model {Model} loaded in {LoadMs} ms, target texts encoded in {TotalMs} ms")]
    public static partial void MatcherWarm(ILogger logger, string model, long loadMs, long totalMs);
}
