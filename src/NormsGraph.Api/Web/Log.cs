namespace NormsGraph.Api.Web;

internal static partial class Log
{
    [LoggerMessage(3900, LogLevel.Warning, "GraphiQL and the embed page are off: the build did not install their npm libraries ({Files}); install Node.js (npm) and build again")]
    public static partial void WebLibrariesMissing(ILogger logger, string files);
}
