using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// How the Neo4j client survives a flaky or busy server: the HTTP pipeline of the typed client holds a total
/// and a per-attempt timeout, a circuit breaker over every request, and retries with exponential, jittered
/// backoff. Every request the store sends is one self-contained auto-commit statement that MERGEs on ids
/// (a report, a curation change, the taxonomy, a read), so any of them may be sent again as it is; a write
/// whose first attempt committed but whose answer was lost recognises itself by its write token.
/// Only failures that may pass count (<see cref="Neo4jErrors.IsTransientCode"/>): deadlocks, lock
/// acquisition timeouts, lost transactions, HTTP 503, connection failures and attempt timeouts.
/// </summary>
internal static class Neo4jResilience
{
    public const string PipelineName = "neo4j";

    /// <summary>Marks a request that may be sent again as is (today every request the store sends).</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("NormsGraph.Neo4j.Repeatable");

    public static void ConfigureHttp(ResiliencePipelineBuilder<HttpResponseMessage> builder, Neo4jOptions options, ILogger logger)
    {
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "neo4j-total", Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "neo4j-retry",
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = async args => IsRepeatable(args.Context) && await IsTransientAsync(args.Outcome, args.Context.CancellationToken),
                OnRetry = async args =>
                {
                    Log.RequestRetry(logger, args.AttemptNumber + 1, args.RetryDelay, await DescribeAsync(args.Outcome, args.Context.CancellationToken));
                },
            });
        }
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "neo4j-breaker",
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => IsTransientAsync(args.Outcome, args.Context.CancellationToken),
            OnOpened = async args =>
            {
                Log.CircuitOpened(logger, args.BreakDuration, await DescribeAsync(args.Outcome, args.Context.CancellationToken));
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "neo4j-attempt", Timeout = options.AttemptTimeout });
    }

    internal static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }
        switch (outcome.Result?.StatusCode)
        {
            case null:
                return false;
            case HttpStatusCode.ServiceUnavailable:
                return true;
            case HttpStatusCode.Unauthorized:
                return false;
        }
        // The Query API answers 202 for most failures, so the verdict is in the body. Buffering it lets the
        // client read it again afterwards.
        var content = outcome.Result.Content;
        await content.LoadIntoBufferAsync(cancellationToken);
        var body = await content.ReadAsByteArrayAsync(cancellationToken);
        return Neo4jErrors.FirstErrorCode(body) is { } code && Neo4jErrors.IsTransientCode(code);
    }

    private static bool IsRepeatable(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(Repeatable, out var repeatable) == true && repeatable;

    // The error code says what happened (a deadlock, a lock timeout, a lost transaction). Buffered, so the
    // caller can still read the body.
    private static async ValueTask<string> DescribeAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null || outcome.Result is null)
        {
            return outcome.Exception?.Message ?? "no answer";
        }
        await outcome.Result.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await outcome.Result.Content.ReadAsByteArrayAsync(cancellationToken);
        return $"HTTP {(int)outcome.Result.StatusCode} {Neo4jErrors.FirstErrorCode(body) ?? "without an error code"}";
    }
}
