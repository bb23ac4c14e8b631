using System.Globalization;
using Spectre.Console;

namespace NormsGraph.Cli.Batch;

/// <summary>
/// Shows a batch's progress, as a progress bar on a terminal and as one plain line per report when the
/// output is redirected (logs, pipes, CI), then its summary.
/// </summary>
internal sealed class BatchConsole(TextWriter output, bool interactive)
{
    private readonly Lock _gate = new();

    /// <summary>A terminal gets the progress bar; anything else gets lines it can keep.</summary>
    public static BatchConsole ForConsole() => new(Console.Out, interactive: !Console.IsOutputRedirected);

    public async Task<BatchReport> RunAsync(string title, int total, Func<Action<BatchItemResult>, Task<BatchReport>> run)
    {
        if (interactive)
        {
            BatchReport? report = null;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(title, maxValue: Math.Max(total, 1));
                    report = await run(_ => task.Increment(1));
                    task.Value = task.MaxValue;
                });
            return report!;
        }
        var done = 0;
        return await run(result =>
        {
            lock (_gate)
            {
                done++;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{done}/{total}] {Label(result.Status)} {result.Source}{Details(result)}"));
            }
        });
    }

    public void WriteSummary(string what, BatchReport report, string? store)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"{what}: {report.Items.Count} reports in {report.Elapsed.TotalSeconds:0.00} s ({report.PerSecond:0.0} reports/s){(store is null ? "" : ", store " + store)}"));
        if (report.Interrupted)
        {
            output.WriteLine(string.Create(c,
                $"{what}: interrupted with {report.Items.Count} of {report.Total} reports done (below) and {report.NotRun} not run; running it again picks up the rest."));
        }
        foreach (var status in Enum.GetValues<BatchStatus>())
        {
            output.WriteLine(string.Create(c, $"  {Label(status),-10} {report.Count(status)}"));
        }
        if (report.Interrupted)
        {
            output.WriteLine(string.Create(c, $"  {"not run",-10} {report.NotRun}"));
        }
        foreach (var group in report.Items.Where(i => i.Status is BatchStatus.Failed or BatchStatus.NotStored).GroupBy(i => i.Status))
        {
            output.WriteLine($"{Label(group.Key)}:");
            foreach (var item in group)
            {
                output.WriteLine($"  {item.Source}: {item.Detail}");
            }
        }
    }

    private static string Details(BatchItemResult result) => result.Status switch
    {
        BatchStatus.Failed or BatchStatus.NotStored => $" ({result.Detail})",
        BatchStatus.Unchanged when result.Detail is not null => $" ({result.Detail})",
        _ => string.Create(CultureInfo.InvariantCulture, $" ({result.Positions} positions)"),
    };

    private static string Label(BatchStatus status) => status switch
    {
        BatchStatus.NotStored => "not stored",
        _ => status.ToString().ToLowerInvariant(),
    };
}
