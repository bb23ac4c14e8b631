using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// How the Neo4j client survives a flaky server. Two layers, because a request inside an explicit
/// transaction cannot be repeated on its own (the server closes the transaction on error):
/// <list type="bullet">
/// <item>the HTTP pipeline of the typed client: total and per-attempt timeouts, a circuit breaker over every
/// request, and retries for requests that are safe to repeat (implicit-transaction queries, all idempotent);</item>
/// <item>a transaction pipeline that retries a whole transaction (open, statements, commit); writes MERGE on ids,
/// so a repeated commit never duplicates anything.</item>
/// </list>
/// Only transient failures count: <c>Neo.TransientError.*</c> (but not deliberate terminations), HTTP 503,
/// connection failures and attempt timeouts.
/// </summary>
internal static class Neo4jResilience
{
    public const string PipelineName = "neo4j";

    /// <summary>Marks a request that may be sent again as is; requests inside a transaction may not.</summary>
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
                ShouldHandle = async args => IsRepeatable(args.Context) && await IsTransientAsync(args.Outcome, args.Context.CancellationToken),
                OnRetry = args =>
                {
                    Log.RequestRetry(logger, args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome));
                    return ValueTask.CompletedTask;
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
            OnOpened = args =>
            {
                Log.CircuitOpened(logger, args.BreakDuration, Describe(args.Outcome));
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "neo4j-attempt", Timeout = options.AttemptTimeout });
    }

    public static ResiliencePipeline Transactions(Neo4jOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "neo4j-transaction-retry",
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Neo4jException>(e => e.IsTransient),
                OnRetry = args =>
                {
                    Log.TransactionRetry(logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
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

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception?.Message ?? $"HTTP {(int?)outcome.Result?.StatusCode} with a transient error";
}
