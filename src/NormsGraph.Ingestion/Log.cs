using Microsoft.Extensions.Logging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Ingestion;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Ingested {Source}: {Outcome}, {Positions} positions")]
    public static partial void Ingested(ILogger logger, string source, ApplyOutcome outcome, int positions);

    [LoggerMessage(1002, LogLevel.Warning, "Refused {Source} at {Stage}: {Reason}")]
    public static partial void Refused(ILogger logger, string source, string stage, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "Store unavailable, attempt {Attempt}: {Reason}")]
    public static partial void StoreRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "Store still unavailable for {File}; it stays in the inbox for the next pass")]
    public static partial void LeftInInbox(ILogger logger, Exception exception, string file);

    [LoggerMessage(1005, LogLevel.Error, "Unexpected failure on {File}")]
    public static partial void Unexpected(ILogger logger, Exception exception, string file);

    [LoggerMessage(1006, LogLevel.Information, "Watching inbox {Inbox}")]
    public static partial void Watching(ILogger logger, string inbox);

    [LoggerMessage(1007, LogLevel.Information, "Seeding the empty store with {Count} sample reports from {Folder}")]
    public static partial void Seeding(ILogger logger, int count, string folder);

    [LoggerMessage(1008, LogLevel.Warning, "Sample folder {Folder} not found; nothing seeded")]
    public static partial void NoSamples(ILogger logger, string folder);

    [LoggerMessage(1009, LogLevel.Error, "Inbox pass failed")]
    public static partial void PassFailed(ILogger logger, Exception exception);
}
