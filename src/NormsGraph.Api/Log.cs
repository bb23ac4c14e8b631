namespace NormsGraph.Api;

internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Debug, "Client left during {Path} ({Reason}); nothing to answer")]
    public static partial void ClientDisconnected(ILogger logger, string path, string reason);

    [LoggerMessage(4001, LogLevel.Error, "Resolving {Path} failed")]
    public static partial void ResolverFailed(ILogger logger, string path, Exception exception);
}
