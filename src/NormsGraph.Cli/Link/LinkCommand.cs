using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;
using NormsGraph.Embeddings;
using Spectre.Console;

namespace NormsGraph.Cli.Link;

/// <summary>
/// <c>link --input statements.jsonl [--format text|jsonl] [--top 5]</c>: ranks the targets each statement
/// speaks to, with reasons, using the taxonomy and the statements stored in the graph (DESIGN.md contract).
/// </summary>
internal static class LinkCommand
{
    public static Command Create(Option<string?> taxonomyOption, Option<string?> storeOption)
    {
        var input = new Option<string>("--input") { Description = "JSON lines {\"id\", \"text\"}; '-' reads standard input.", Required = true };
        var format = new Option<string>("--format") { Description = "text (for people) or jsonl (one JSON object per statement).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var top = new Option<int>("--top") { Description = "Matches per statement.", DefaultValueFactory = _ => 5 };
        top.Validators.Add(r =>
        {
            if (r.GetValue(top) is < 1 or > 50)
            {
                r.AddError("--top must be between 1 and 50.");
            }
        });
        var options = new LinkOptionSet();
        var command = new Command("link", "Link statements to the norms, principles and proposals they speak to, best first, with reasons.")
        {
            input, format, top, options.NoSemantic, options.EmptyGraph, options.ExcludeSameText, options.Weights, LinkFitCommand.Create(taxonomyOption, storeOption), LinkBenchCommand.Create(),
        };
        command.SetAction(async (parse, ct) =>
        {
            // The input and the weights are read before the store is opened: a typo in either costs nothing and creates nothing.
            using var reader = parse.GetValue(input) == "-" ? Console.In : OpenInput(parse.GetValue(input)!);
            var settings = options.Read(parse);
            var weights = settings.WeightsPath is null ? null : ReadWeights(settings.WeightsPath);
            return await CliHost.RunAsync(parse.GetValue(storeOption), parse.GetValue(taxonomyOption), Console.Error,
                (services, token) => RunAsync(services, settings, reader, parse.GetValue(format)!, parse.GetValue(top), Console.Out, Console.Error,
                    interactive: !Console.IsErrorRedirected, token, weights), ct, options.Configure(parse));
        });
        return command;
    }

    internal static async Task<int> RunAsync(IServiceProvider services, LinkSettings settings, TextReader input, string format, int top,
        TextWriter output, TextWriter errors, bool interactive, CancellationToken cancellationToken, FusionWeights? weights = null)
    {
        var statements = LinkInput.Read(input, errors, out var bad);
        if (statements.Count == 0)
        {
            await errors.WriteLineAsync("normsgraph: no statements to link.");
            return 2;
        }
        var matcher = await PrepareAsync(services, settings, errors, cancellationToken, weights);
        var targets = await services.GetRequiredService<IGraphStore>().GetTargetsAsync(
            services.GetRequiredService<MatchingCatalog>().Targets.Select(t => t.Id).ToList(), cancellationToken);
        var names = new Dictionary<string, Core.Domain.Target>(targets, StringComparer.Ordinal);
        foreach (var t in services.GetRequiredService<MatchingCatalog>().Targets)
        {
            names.TryAdd(t.Id, t);
        }

        var started = Stopwatch.GetTimestamp();
        async Task LinkAllAsync(Action? step)
        {
            foreach (var statement in statements)
            {
                var matches = await matcher.MatchAsync(statement.Text, top, cancellationToken);
                await output.WriteLineAsync(format == "jsonl" ? LinkJson.Serialize(statement.Id, matches, names) : LinkText.Format(statement, matches, names));
                step?.Invoke();
            }
        }
        if (interactive && statements.Count >= 20)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Linking", maxValue: statements.Count);
                    await LinkAllAsync(() => task.Increment(1));
                });
        }
        else
        {
            await LinkAllAsync(null);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"link: {statements.Count} statements in {elapsed.TotalSeconds:0.00} s ({statements.Count / Math.Max(elapsed.TotalSeconds, 1e-9):0.0} statements/s), semantic {(settings.Semantic ? "on" : "off")}, {(settings.EmptyGraph ? "empty graph" : "stored evidence")}"));
        return bad > 0 ? 2 : 0;
    }

    /// <summary>Builds the matcher the settings ask for and, when stored evidence is used, computes missing evidence vectors first.</summary>
    internal static async Task<HybridTargetMatcher> PrepareAsync(IServiceProvider services, LinkSettings settings, TextWriter errors, CancellationToken cancellationToken,
        FusionWeights? weights = null)
    {
        var options = services.GetRequiredService<IOptions<MatchingOptions>>().Value;
        var encoder = services.GetRequiredService<ISentenceEncoder>();
        IStoredEvidenceSource? evidence = null;
        if (!settings.EmptyGraph)
        {
            evidence = services.GetRequiredService<IStatementIndex>();
            var indexed = await services.GetRequiredService<StatementVectorIndexer>().IndexPendingAsync(cancellationToken);
            if (indexed > 0)
            {
                await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"link: computed {indexed} evidence vectors ({encoder.ModelName})"));
            }
        }
        weights ??= settings.WeightsPath is null ? services.GetRequiredService<FusionWeights>() : ReadWeights(settings.WeightsPath);
        var matcher = new HybridTargetMatcher(services.GetRequiredService<MatchingCatalog>(), encoder, weights, evidence, new MatcherSettings
        {
            Neighbours = options.Neighbours,
            LexicalEvidence = options.LexicalEvidence,
            ConfirmedWeight = options.ConfirmedWeight,
            ExcludeSameText = settings.ExcludeSameText,
        }, services.GetRequiredService<TargetTextEncoder>().Encoder);
        // The model and the target texts' vectors load before the clock starts, so statements/s is the steady rate.
        var warming = Stopwatch.GetTimestamp();
        matcher.Warm();
        if (matcher.SemanticEnabled)
        {
            await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"link: model and target texts ready in {Stopwatch.GetElapsedTime(warming).TotalSeconds:0.0} s"));
        }
        return matcher;
    }

    internal static FusionWeights ReadWeights(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return FusionWeights.Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new CliFailure($"--weights {path}: {e.Message}");
        }
    }

    private static StreamReader OpenInput(string path) => new(path);
}
