using System.Diagnostics;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;

namespace NormsGraph.Cli.Bench;

/// <summary>
/// Measures extraction throughput (reading + extraction, no I/O) over a corpus of report texts,
/// on one thread and on every core, after a warm-up pass, repeated so the median can be given.
/// </summary>
internal static class ExtractBenchmark
{
    /// <param name="CpuTimes">The process's CPU time (user + system) in each run: on a machine shared with other
    /// work a run waits for a core, and the CPU time is what the extraction itself cost.</param>
    public sealed record Result(string Mode, int Threads, int Reports, long Bytes, IReadOnlyList<TimeSpan> Runs, IReadOnlyList<TimeSpan> CpuTimes)
    {
        public double ReportsPerSecond(TimeSpan elapsed) => Reports / elapsed.TotalSeconds;

        public double MegabytesPerSecond(TimeSpan elapsed) => Bytes / 1_000_000.0 / elapsed.TotalSeconds;

        /// <summary>Megabytes per second of CPU time, median over the runs.</summary>
        public double MegabytesPerCpuSecond => CpuTimes.Select(t => Bytes / 1_000_000.0 / t.TotalSeconds).Order().ElementAt(CpuTimes.Count / 2);

        /// <summary>The median run (the slower middle one for an even count), the fastest and the slowest.</summary>
        public (TimeSpan Median, TimeSpan Fastest, TimeSpan Slowest) Spread
        {
            get
            {
                var sorted = Runs.Order().ToList();
                return (sorted[sorted.Count / 2], sorted[0], sorted[^1]);
            }
        }
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(30);
    private const int MinWarmUpPasses = 3;
    private const double StillWarmingUp = 1.1;

    /// <param name="afterFirstSingle">Called once, right after the first single-threaded run (to read counters
    /// that cover exactly one pass over the corpus).</param>
    public static IReadOnlyList<Result> Run(ReportExtractor extractor, IReadOnlyList<(string Name, string Text)> corpus, int repeats,
        Action? beforeFirstSingle = null, Action? afterFirstSingle = null)
    {
        var bytes = corpus.Sum(r => (long)System.Text.Encoding.UTF8.GetByteCount(r.Text));
        // Warm up until the tiered JIT has promoted the hot paths (it does so in the background, after a delay):
        // a single pass over a small corpus would still measure unoptimised code.
        // Under load the background compiler is starved too: keep warming while passes still get much faster.
        var warmUp = Stopwatch.StartNew();
        var (passes, previous, last) = (0, TimeSpan.MaxValue, TimeSpan.MaxValue);
        do
        {
            previous = last;
            last = Time(() => Extract(extractor, corpus), []);
            passes++;
        }
        while (warmUp.Elapsed < WarmUp || passes < MinWarmUpPasses
            || (last * StillWarmingUp < previous && warmUp.Elapsed < MaxWarmUp));
        var threads = Environment.ProcessorCount;
        List<TimeSpan> single = [], parallel = [], singleCpu = [], parallelCpu = [];
        // Alternated, so a burst of load on the shared machine touches both modes alike.
        for (var i = 0; i < repeats; i++)
        {
            if (i == 0)
            {
                beforeFirstSingle?.Invoke();
            }
            single.Add(Time(() => Extract(extractor, corpus), singleCpu));
            if (i == 0)
            {
                afterFirstSingle?.Invoke();
            }
            parallel.Add(Time(() => corpus.AsParallel().WithDegreeOfParallelism(threads).ForAll(r => ExtractOne(extractor, r)), parallelCpu));
        }
        return
        [
            new Result("single-threaded", 1, corpus.Count, bytes, single, singleCpu),
            new Result("all cores", threads, corpus.Count, bytes, parallel, parallelCpu),
        ];
    }

    private static void Extract(ReportExtractor extractor, IEnumerable<(string Name, string Text)> corpus)
    {
        foreach (var report in corpus)
        {
            ExtractOne(extractor, report);
        }
    }

    private static void ExtractOne(ReportExtractor extractor, (string Name, string Text) report) =>
        extractor.Extract(ReportReader.Read(report.Text, report.Name), report.Name);

    private static TimeSpan Time(Action action, List<TimeSpan> cpuTimes)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        action();
        var elapsed = Stopwatch.GetElapsedTime(start);
        cpuTimes.Add(Environment.CpuUsage.TotalTime - cpu);
        return elapsed;
    }
}
