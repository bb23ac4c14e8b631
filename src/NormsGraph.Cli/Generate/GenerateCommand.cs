using System.CommandLine;
using NormsGraph.Core.Samples;

namespace NormsGraph.Cli.Generate;

/// <summary>
/// <c>generate &lt;folder&gt; [--reports N] [--seed S]</c>: writes synthetic event reports (text, Markdown, HTML)
/// for load tests and the ingestion benchmark; the same seed gives the same corpus.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Where to write the reports (created if missing)." };
        var reports = new Option<int>("--reports") { Description = "How many reports.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator.", DefaultValueFactory = _ => 2021 };
        reports.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--reports must be at least 1.");
            }
        });
        var command = new Command("generate", "Write synthetic event reports for load tests and benchmarks.") { folder, reports, seed };
        command.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(reports), parse.GetValue(seed), Console.Out));
        return command;
    }

    internal static int Run(string folder, int reports, int seed, TextWriter output)
    {
        if (File.Exists(folder))
        {
            throw new CliFailure($"{folder} is a file; generate writes its reports into a folder (created if missing).");
        }
        var written = SyntheticReports.WriteTo(folder, reports, seed);
        output.WriteLine($"Wrote {written.Count} reports to {Path.GetFullPath(folder)}");
        return 0;
    }
}
