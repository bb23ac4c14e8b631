using System.Threading.RateLimiting;
using NormsGraph.Api.Security;

namespace NormsGraph.Api.Tests.Http;

public sealed class WindowCounterTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class HandClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;

    [Fact]
    public void A_caller_turned_away_is_told_the_time_left_in_its_window_not_the_whole_window()
    {
        var clock = new HandClock();
        using var counter = new WindowCounter(2, TimeSpan.FromMinutes(1), clock);

        Assert.True(counter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(counter.AttemptAcquire().IsAcquired);
        clock.Advance(TimeSpan.FromSeconds(15));
        var refused = counter.AttemptAcquire();
        clock.Advance(TimeSpan.FromSeconds(15));
        var next = counter.AttemptAcquire();

        Assert.Equal((false, TimeSpan.FromSeconds(15)), (refused.IsAcquired, RetryAfter(refused)));
        Assert.True(next.IsAcquired, "the window closed 60 s after its first request");
        var statistics = counter.GetStatistics()!;
        Assert.Equal((1L, 3L, 1L), (statistics.CurrentAvailablePermits, statistics.TotalSuccessfulLeases, statistics.TotalFailedLeases));
    }

    [Fact]
    public void A_counter_is_idle_once_its_window_closed_so_the_partitioned_limiter_can_drop_it()
    {
        var clock = new HandClock();
        using var counter = new WindowCounter(1, TimeSpan.FromSeconds(10), clock);

        counter.AttemptAcquire();
        var open = counter.IdleDuration;
        clock.Advance(TimeSpan.FromSeconds(25));

        Assert.Null(open);
        Assert.Equal(TimeSpan.FromSeconds(15), counter.IdleDuration);
    }
}
