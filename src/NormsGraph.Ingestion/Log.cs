using Microsoft.Extensions.Logging;
using NormsGraph.Core.Storage;

namespace NormsGraph.Ingestion;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Ingested {Source}: {Outcome}, {Positions} positions")]
    public static partial void Ingested(ILogger logger, string source, ApplyOutcome outcome, int positions);

    [LoggerMessage(1002, LogLevel.Warning, "Refused {Source} at {Stage}: {Code} {Reason}")]
    public static partial void Refused(ILogger logger, string source, string stage, string code, string reason);

    [LoggerMessage(1003, LogLevel.Warning, "Store unavailable, attempt {Attempt}: {Reason}")]
    public static partial void StoreRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "Store still unavailable for {Source} after the retry budget; it goes back to the inbox for the next pass")]
    public static partial void Requeued(ILogger logger, Exception exception, string source);

    [LoggerMessage(1005, LogLevel.Error, "Unexpected failure on {Source} (attempt {Attempt}); it goes back to the inbox")]
    public static partial void Unexpected(ILogger logger, Exception exception, string source, int attempt);

    [LoggerMessage(1006, LogLevel.Information, "Watching inbox {Inbox} as worker {WorkerId}")]
    public static partial void Watching(ILogger logger, string inbox, string workerId);

    [LoggerMessage(1007, LogLevel.Information, "Seeding the empty store with {Count} sample reports from {Folder}")]
    public static partial void Seeding(ILogger logger, int count, string folder);

    [LoggerMessage(1008, LogLevel.Warning, "Sample folder {Folder} not found; nothing seeded")]
    public static partial void NoSamples(ILogger logger, string folder);

    [LoggerMessage(1009, LogLevel.Error, "Inbox pass failed")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(1010, LogLevel.Information, "Took back {Count} files claimed by worker {OwnerId}, which stopped without finishing them")]
    public static partial void ClaimsRecovered(ILogger logger, int count, string ownerId);

    [LoggerMessage(1011, LogLevel.Warning, "Lost the claim on {Source}: another worker took it back as stale; it will finish it")]
    public static partial void ClaimLost(ILogger logger, string source);

    [LoggerMessage(1012, LogLevel.Warning, "No file watcher on {Inbox} ({Reason}); relying on the rescan every {Interval}")]
    public static partial void NoWatcher(ILogger logger, string inbox, string reason, TimeSpan interval);

    [LoggerMessage(1013, LogLevel.Error, "{Source} failed unexpectedly {Attempts} times; moved to the failed folder")]
    public static partial void GaveUp(ILogger logger, string source, int attempts);

    [LoggerMessage(1014, LogLevel.Information, "{Source} was left claimed while a newer file of that name waits in the inbox; processing the older one first")]
    public static partial void OlderVersionFirst(ILogger logger, string source);

    [LoggerMessage(1015, LogLevel.Information, "Returned {Count} files claimed by this worker to the inbox")]
    public static partial void ClaimsReleased(ILogger logger, int count);

    [LoggerMessage(1016, LogLevel.Warning, "{Source} changed while it was read (still being written); it goes back to the inbox to settle, and its whole text replaces what was read")]
    public static partial void StillBeingWritten(ILogger logger, string source);

    [LoggerMessage(1017, LogLevel.Warning, "{Source} changed after it was filed (still being written); it goes back to the inbox, and its whole text replaces what was stored")]
    public static partial void WrittenAfterFiling(ILogger logger, string source);

    [LoggerMessage(1018, LogLevel.Warning, "{Path} in the inbox is a link to a folder; links to folders are not followed: move or copy its files into the inbox")]
    public static partial void LinkedFolder(ILogger logger, string path);

    [LoggerMessage(1020, LogLevel.Warning, "{Source} in the inbox has a name that is not UTF-8, so no path reaches it and it cannot be read; rename it")]
    public static partial void UnreadableName(ILogger logger, string source);

    [LoggerMessage(1019, LogLevel.Warning, "{Source} changed after it was filed, but a file of that name waits in the inbox; it goes back once that one is taken")]
    public static partial void WrittenAfterFilingHeldUp(ILogger logger, string source);
}
