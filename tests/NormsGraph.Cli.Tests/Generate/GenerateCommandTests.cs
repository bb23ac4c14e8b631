using NormsGraph.Cli.Generate;
using NormsGraph.Core.Extraction;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Cli.Tests.Generate;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("normsgraph-generate").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_same_seed_writes_the_same_distinct_readable_reports()
    {
        var first = Path.Combine(_folder, "first");
        var second = Path.Combine(_folder, "second");

        GenerateCommand.Run(first, 60, 3, TextWriter.Null);
        GenerateCommand.Run(second, 60, 3, TextWriter.Null);

        var files = Directory.GetFiles(first).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(60, files.Count);
        Assert.Equal(files.Select(File.ReadAllText), Directory.GetFiles(second).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        Assert.Contains(files, f => f.EndsWith(".md", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".html", StringComparison.Ordinal));
        var extractor = new ReportExtractor(TaxonomyLoader.LoadEmbedded());
        var graphs = files.Select(f => extractor.Extract(ReportReader.Read(File.ReadAllText(f), f), Path.GetFileName(f))).ToList();
        Assert.Equal(60, graphs.Select(g => g.Report.Id).Distinct().Count());
        Assert.All(graphs, g => Assert.NotNull(g.Report.Date));
        Assert.True(graphs.Average(g => g.Positions.Count) >= 3, "the reports carry positions to extract");
    }
}
