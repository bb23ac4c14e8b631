using System.Text.Json.Nodes;
using NormsGraph.Cli.Link;

namespace NormsGraph.Cli.Tests.Link;

public sealed class LinkCommandTests
{
    private const string Statements = """
        {"id": "a", "text": "We stress the protection of CERTs and of incident response teams."}
        {"id": 7, "text": "International law, including the UN Charter, applies in cyberspace.", "speaker": "ignored"}

        not json
        {"id": "c"}
        {"id": "d", "text": "\u200B ... !"}
        """;

    private static async Task<(int Code, string Output, string Errors)> LinkAsync(CliRun run, string input, string format, int top = 5,
        LinkSettings? settings = null)
    {
        settings ??= new LinkSettings(Semantic: false, EmptyGraph: false, ExcludeSameText: false);
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CliHost.RunAsync(run.StorePath, null, errors,
            (services, ct) => LinkCommand.RunAsync(services, settings, new StringReader(input), format, top, output, errors, interactive: false, ct),
            CliRun.Ct, LinkOptionSet.Configure(settings.Semantic));
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Jsonl_output_follows_the_contract_one_line_per_statement_best_match_first()
    {
        using var run = new CliRun();

        var (code, output, errors) = await LinkAsync(run, Statements, "jsonl", top: 3);

        Assert.Equal(2, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["a", "7"], lines.Select(l => l["id"]!.GetValue<string>()));
        Assert.All(lines, l => Assert.Equal(3, l["matches"]!.AsArray().Count));
        Assert.Equal("gge-13k", lines[0]["matches"]![0]!["norm"]!.GetValue<string>());
        Assert.Equal("p-intl-law", lines[1]["matches"]![0]!["norm"]!.GetValue<string>());
        var first = lines[0]["matches"]!.AsArray();
        Assert.Contains("protection of CERTs", first[0]!["why"]!["phrases"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.True(first[0]!["score"]!.GetValue<double>() >= first[1]!["score"]!.GetValue<double>());
        Assert.Contains("line 4: not JSON", errors, StringComparison.Ordinal);
        Assert.Contains("line 5: expected an object with a \"text\" that has words", errors, StringComparison.Ordinal);
        Assert.Contains("line 6: expected an object with a \"text\" that has words", errors, StringComparison.Ordinal);
        Assert.Matches(@"link: 2 statements in [\d.]+ s \([\d.]+ statements/s\), semantic off, stored evidence", errors);
    }

    [Fact]
    public async Task The_text_format_lists_each_match_with_its_score_name_and_reasons()
    {
        using var run = new CliRun();

        var (code, output, _) = await LinkAsync(run, """{"id": "a", "text": "We stress the protection of CERTs."}""", "text", top: 2);

        Assert.Equal(0, code);
        Assert.Contains("a: \"We stress the protection of CERTs.\"", output, StringComparison.Ordinal);
        Assert.Matches(@"  1\. gge-13k\s+0\.\d\d  Do not harm CERTs/CSIRTs", output);
        Assert.Contains("phrases: protection of CERTs", output, StringComparison.Ordinal);
        Assert.Contains("  2. ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_statements_is_an_error()
    {
        using var run = new CliRun();

        var (code, _, errors) = await LinkAsync(run, "\n\n", "jsonl");

        Assert.Equal(2, code);
        Assert.Contains("no statements to link", errors, StringComparison.Ordinal);
    }
}
