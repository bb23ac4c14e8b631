using System.Text.Json.Nodes;
using NormsGraph.Cli.Extract;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Cli.Tests.Extract;

/// <summary>
/// The two real reports in ../shared/seeds must yield the positions an analyst would expect.
/// These are acceptance checks, not tuning: nothing in the code names these files or sentences.
/// </summary>
public sealed class SeedReportTests
{
    private static List<(string Actor, string Stance, string Target)> PositionsOf(string folder)
    {
        var output = new StringWriter();
        ExtractCommand.Run([folder], "jsonl", TaxonomyLoader.LoadEmbedded(), output, TextWriter.Null);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => JsonNode.Parse(line)!["positions"]!.AsArray())
            .Select(p => (p!["actorName"]!.GetValue<string>(), p["stance"]!.GetValue<string>(), p["target"]!.GetValue<string>()))
            .ToList();
    }

    [Theory]
    [InlineData("Access Now", "support", "gge-13j")]
    [InlineData("Access Now", "support", "gcsc-1")]
    [InlineData("Association for Progressive Communications", "propose", "p-review-mechanism")]
    [InlineData("ICT4Peace", "support", "gge-13f")]
    public void Seed_positions_are_found(string actor, string stance, string target)
    {
        var positions = PositionsOf(SharedData.RequireFolder("seeds"));
        Assert.Contains((actor, stance, target), positions);
    }

    [Fact]
    public void The_panel_supports_a_surveillance_moratorium()
    {
        var positions = PositionsOf(SharedData.RequireFolder("seeds"));
        Assert.Contains(positions, p => p.Stance == "support" && p.Target == "p-surveillance-moratorium"
            && p.Actor.StartsWith("Panel", StringComparison.Ordinal));
    }
}
