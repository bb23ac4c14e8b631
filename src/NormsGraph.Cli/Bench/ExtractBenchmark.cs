using System.Diagnostics;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;

namespace NormsGraph.Cli.Bench;

/// <summary>
/// Measures extraction throughput (reading + extraction, no I/O) over a corpus of report texts,
/// on one thread and on every core, after a warm-up pass.
/// </summary>
internal static class ExtractBenchmark
{
    public sealed record Result(string Mode, int Threads, int Reports, long Bytes, TimeSpan Elapsed)
    {
        public double ReportsPerSecond => Reports / Elapsed.TotalSeconds;
        public double MegabytesPerSecond => Bytes / 1_000_000.0 / Elapsed.TotalSeconds;
        public double MegabytesPerSecondPerCore => MegabytesPerSecond / Threads;
    }

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static IReadOnlyList<Result> Run(ReportExtractor extractor, IReadOnlyList<(string Name, string Text)> corpus)
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
        var single = Time(() => Extract(extractor, corpus));
        var threads = Environment.ProcessorCount;
        var parallel = Time(() => corpus.AsParallel().WithDegreeOfParallelism(threads).ForAll(r => ExtractOne(extractor, r)));
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
