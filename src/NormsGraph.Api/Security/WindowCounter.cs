using System.Threading.RateLimiting;

namespace NormsGraph.Api.Security;

/// <summary>
/// A fixed window of permits whose rejections say when the window ends. ASP.NET Core's fixed-window limiter gives the
/// whole window as its retry-after, so a caller turned away a second before the reset was told to wait a minute. A
/// window opens with the first request after the last one closed; a rejection waits for no queue.
/// </summary>
internal sealed class WindowCounter : RateLimiter
{
    private static readonly Lease Granted = new(true, null);

    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private long? _opened;
    private int _used;
    private long _granted;
    private long _refused;

    public WindowCounter(int permits, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        (_permits, _window, _time) = (permits, window, time);
    }

    /// <summary>How long every permit has been free (since the last window closed); null while a window is open.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var left = Left(_time.GetTimestamp());
                return left > TimeSpan.Zero ? null : -left;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Left(_time.GetTimestamp()) > TimeSpan.Zero ? _permits - _used : _permits,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permits);
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var left = Left(now);
            if (left <= TimeSpan.Zero)
            {
                (_opened, _used, left) = (now, 0, _window);
            }
            if (_used + permitCount <= _permits)
            {
                _used += permitCount;
                _granted++;
                return Granted;
            }
            _refused++;
            return new Lease(false, left);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    // Time left in the open window (zero or less: none is open).
    private TimeSpan Left(long now) => _opened is { } opened ? _window - _time.GetElapsedTime(opened, now) : TimeSpan.Zero;

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
