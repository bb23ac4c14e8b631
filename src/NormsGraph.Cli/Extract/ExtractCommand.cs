using System.CommandLine;
using System.Globalization;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Cli.Extract;

/// <summary><c>extract &lt;files or folders…&gt; [--format text|jsonl]</c>: runs extraction without a store.</summary>
internal static class ExtractCommand
{
    public static Command Create(Option<string?> taxonomyOption)
    {
        var paths = new Argument<string[]>("paths") { Description = "Report files or folders.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text (for people) or jsonl (one JSON object per report).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl");
        var semantic = SemanticOption();
        var command = new Command("extract", "Extract stakeholders, targets and positions from reports and print them.") { paths, format, semantic };
        command.SetAction(parse => Run(
            parse.GetValue(paths)!, parse.GetValue(format)!, CliTaxonomy.Load(parse.GetValue(taxonomyOption)), Console.Out, Console.Error, parse.GetValue(semantic)));
        return command;
    }

    /// <summary><c>--semantic [threshold]</c>: also find targets named in other words, with the MiniLM signal.</summary>
    internal static Option<double?> SemanticOption() => new("--semantic")
    {
        Description = $"Also find targets in other words with the sentence-embedding signal, taken above this matcher score (default {ReportExtractor.DefaultSemanticThreshold}).",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => null,
        CustomParser = r =>
        {
            if (r.Tokens.Count == 0)
            {
                return ReportExtractor.DefaultSemanticThreshold;
            }
            // The threshold is compared with a matcher score, a probability: outside [0, 1] it takes everything or nothing.
            var text = r.Tokens[0].Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) && threshold is >= 0 and <= 1)
            {
                return threshold;
            }
            r.AddError($"--semantic takes a matcher score between 0 and 1 (e.g. 0.85), not '{text}'.");
            return null;
        },
    };

    internal static int Run(IEnumerable<string> paths, string format, Taxonomy taxonomy, TextWriter output, TextWriter errors, double? semanticThreshold = null)
    {
        var extractor = Extractors.Create(taxonomy, semanticThreshold);
        var files = ReportFiles.Expand(paths, errors, out var failures);
        var extracted = 0;
        foreach (var file in files)
        {
            ReportGraph graph;
            try
            {
                if (!ReportFiles.HasContent(file))
                {
                    errors.WriteLine($"normsgraph: {file}: EMPTY_REPORT: empty, or not a regular file (a FIFO, socket or device); not read.");
                    failures++;
                    continue;
                }
                var document = ReportReader.Read(ReportDecoder.Decode(File.ReadAllBytes(file)), file);
                graph = extractor.Extract(document, Path.GetFileName(file));
            }
            catch (ReportRejectedException e)
            {
                errors.WriteLine($"normsgraph: {file}: {e.Code}: {e.Message}");
                failures++;
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                // One bad file must not stop a batch; the error names it.
                errors.WriteLine($"normsgraph: {file}: {e.GetType().Name}: {e.Message}");
                failures++;
                continue;
            }
            output.WriteLine(format == "jsonl" ? ExtractionJson.Serialize(file, graph) : HumanReadable(file, graph));
            extracted++;
        }
        if (failures > 0)
        {
            errors.WriteLine($"extract: {extracted} extracted, {failures} failed or missing.");
        }
        return failures > 0 || files.Count == 0 ? CliExitCodes.Refused : CliExitCodes.Success;
    }

    private static string HumanReadable(string file, ReportGraph graph)
    {
        var writer = new StringWriter();
        var report = graph.Report;
        writer.WriteLine($"{file}");
        writer.WriteLine($"  {report.Title} ({report.Date?.ToString("d MMM yyyy") ?? "undated"}){(graph.Process is { } p ? $" — {p.Name}" : "")}");
        writer.WriteLine($"  {graph.Actors.Count} actors, {graph.Positions.Count} positions");
        var actors = graph.Actors.ToDictionary(a => a.Id);
        var targets = graph.Targets.ToDictionary(t => t.Id);
        foreach (var position in graph.Positions)
        {
            writer.WriteLine($"  - {actors[position.ActorId].Name} {EnumNames.ToSnakeCase(position.Stance).ToUpperInvariant()} {position.TargetId} ({targets[position.TargetId].Name}) [{position.Confidence:0.00}]");
            writer.WriteLine($"      \"{position.Evidence}\"");
        }
        return writer.ToString();
    }
}
