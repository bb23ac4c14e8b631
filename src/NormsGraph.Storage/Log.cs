using Microsoft.Extensions.Logging;

namespace NormsGraph.Storage;

internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Neo4j migration {Version} ({Name}) applied")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(2001, LogLevel.Information, "Neo4j schema at version {Version} on database {Database}")]
    public static partial void SchemaReady(ILogger logger, int version, string database);

    [LoggerMessage(2002, LogLevel.Warning, "Neo4j indexes are still being built: {Reason}; queries work meanwhile, slower")]
    public static partial void IndexesNotOnline(ILogger logger, string reason);

    [LoggerMessage(2003, LogLevel.Warning, "Neo4j request failed transiently ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void RequestRetry(ILogger logger, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(2004, LogLevel.Warning, "Neo4j transaction failed transiently ({Reason}); running it again, attempt {Attempt} in {Delay}")]
    public static partial void TransactionRetry(ILogger logger, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(2005, LogLevel.Error, "Neo4j keeps failing ({Reason}); requests fail at once for {Duration}")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan duration, string reason);

    [LoggerMessage(2006, LogLevel.Information, "Neo4j answers again; requests resume")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(2007, LogLevel.Debug, "Rolling back Neo4j transaction {TransactionId} failed (the server may have closed it already): {Reason}")]
    public static partial void RollbackFailed(ILogger logger, string transactionId, string reason);

    [LoggerMessage(2008, LogLevel.Warning, "Neo4j: {Count} report(s) were held by no edge from the source they show (an older build wrote them); repaired")]
    public static partial void ReportSourcesRepaired(ILogger logger, int count);

    [LoggerMessage(2009, LogLevel.Information, "Search index in memory brought up to date: {Documents} documents, in {Elapsed}")]
    public static partial void SearchIndexRefreshed(ILogger logger, int documents, TimeSpan elapsed);

    [LoggerMessage(2010, LogLevel.Warning, "Bringing the search index in memory up to date failed ({Reason}); FTS5 answers searches, and it is tried again in 30 s")]
    public static partial void SearchIndexRefreshFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(2011, LogLevel.Warning, "SQLite was initialised before the embedded store could choose its threading mode; it stays serialized (correct, slower)")]
    public static partial void SqliteSerialized(ILogger logger);
}
