using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Matching;

namespace NormsGraph.Embeddings;

/// <summary>
/// Loads the model and encodes the target texts in the background at start (when <c>Matching:LoadAtStart</c>),
/// so the first request does not pay for it; a request arriving sooner waits on the same lazy load.
/// </summary>
internal sealed class MatcherWarmup(HybridTargetMatcher matcher, MiniLmSentenceEncoder model, IOptions<MatchingOptions> options,
    ILogger<MatcherWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.LoadAtStart && matcher.SemanticEnabled
            ? Task.Run(() =>
            {
                var started = Stopwatch.GetTimestamp();
                matcher.Warm();
                var total = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var load = (long)(model.LoadTime ?? TimeSpan.Zero).TotalMilliseconds;
                Log.MatcherWarm(logger, MiniLmSentenceEncoder.Model, load, total);
            }, stoppingToken)
            : Task.CompletedTask;
}
