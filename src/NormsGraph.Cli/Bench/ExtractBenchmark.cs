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
    public sealed record Result(string Mode, int Threads, int Reports, long Bytes, IReadOnlyList<TimeSpan> Runs)
    {
        public double ReportsPerSecond(TimeSpan elapsed) => Reports / elapsed.TotalSeconds;

        public double MegabytesPerSecond(TimeSpan elapsed) => Bytes / 1_000_000.0 / elapsed.TotalSeconds;

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

    /// <param name="afterFirstSingle">Called once, right after the first single-threaded run (to read counters
    /// that cover exactly one pass over the corpus).</param>
    public static IReadOnlyList<Result> Run(ReportExtractor extractor, IReadOnlyList<(string Name, string Text)> corpus, int repeats,
        Action? beforeFirstSingle = null, Action? afterFirstSingle = null)
    {
        var bytes = corpus.Sum(r => (long)System.Text.Encoding.UTF8.GetByteCount(r.Text));
        // Warm up until the tiered JIT has promoted the hot paths (it does so in the background, after a delay):
        // a single pass over a small corpus would still measure unoptimised code.
        var warmUp = Stopwatch.StartNew();
        do
        {
            Extract(extractor, corpus);
        }
        while (warmUp.Elapsed < WarmUp);
        var threads = Environment.ProcessorCount;
        var single = new List<TimeSpan>();
        var parallel = new List<TimeSpan>();
        // Alternated, so a burst of load on the shared machine touches both modes alike.
        for (var i = 0; i < repeats; i++)
        {
            if (i == 0)
            {
                beforeFirstSingle?.Invoke();
            }
            single.Add(Time(() => Extract(extractor, corpus)));
            if (i == 0)
            {
                afterFirstSingle?.Invoke();
            }
            parallel.Add(Time(() => corpus.AsParallel().WithDegreeOfParallelism(threads).ForAll(r => ExtractOne(extractor, r))));
        }
        return
        [
            new Result("single-threaded", 1, corpus.Count, bytes, single),
            new Result("all cores", threads, corpus.Count, bytes, parallel),
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

    private static TimeSpan Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }
}
