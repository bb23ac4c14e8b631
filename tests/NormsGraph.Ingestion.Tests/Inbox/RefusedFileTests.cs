using System.Text;
using System.Text.Json.Nodes;

namespace NormsGraph.Ingestion.Tests.Inbox;

/// <summary>Every way a file can be refused ends in failed/ with its reason beside it, and nothing in the graph.</summary>
public sealed class RefusedFileTests
{
    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "empty.txt", [], "EMPTY_REPORT" },
        { "blank.txt", Encoding.UTF8.GetBytes("   \n\n  \t \n"), "EMPTY_REPORT" },
        { "menu-only.html", Encoding.UTF8.GetBytes("<html><body><nav>Home | Events | Contact</nav><p>Share</p></body></html>"), "EMPTY_REPORT" },
        { "scan.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "BINARY_CONTENT" },
        { "oversized.txt", Encoding.UTF8.GetBytes(TestReports.SupplyChain + new string('x', 5000)), "REPORT_TOO_LARGE" },
        { "latin1.txt", Encoding.Latin1.GetBytes("Réunion à Genève\n\nLa délégation française a souligné l'importance du droit international."), "UNDECODABLE" },
        { "minutes.pdf", Encoding.UTF8.GetBytes("%PDF-1.7 " + TestReports.SupplyChain), "UNKNOWN_FORMAT" },
        { "export", Encoding.UTF8.GetBytes("""{"title": "not a report", "items": [1, 2, 3], "note": "structured data from some export tool"}"""), "UNKNOWN_FORMAT" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_refused_file_goes_to_failed_with_its_reason_and_nothing_reaches_the_graph(string name, byte[] content, string code)
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder, new() { ["Ingestion:MaxReportBytes"] = "2000" });
        folder.Drop(name, content);

        await host.DrainAsync();

        Assert.Equal([name, name + ".error.json"], TestFolder.FilesIn(folder.Failed));
        var error = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder.Failed, name + ".error.json"), IngestionHost.Ct))!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["reason"]!.GetValue<string>()));
        Assert.Contains(error["stage"]!.GetValue<string>(), new[] { "validate", "read" });
        Assert.True(error["time"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(name, error["file"]!.GetValue<string>());
        Assert.Empty(TestFolder.FilesIn(folder.Inbox));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
        Assert.Empty(TestFolder.FilesIn(folder.Processed));
        var statistics = await host.Store.GetStatisticsAsync(IngestionHost.Ct);
        Assert.Equal((0, 0), (statistics.Reports, statistics.Statements));
    }

    [Fact]
    public async Task A_file_refused_twice_under_one_name_keeps_both_copies_and_both_reasons()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("notes.docx", [1, 2, 3]);
        await host.DrainAsync();
        folder.Drop("notes.docx", [4, 5, 6]);
        await host.DrainAsync();

        var failed = TestFolder.FilesIn(folder.Failed);
        Assert.Equal(4, failed.Count);
        Assert.Equal(2, failed.Count(f => f.EndsWith(".error.json", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Good_files_beside_refused_ones_are_ingested()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        folder.Drop("good.txt", TestReports.SupplyChain);
        folder.Drop("sub/other.md", TestReports.MarkdownReport);
        folder.Drop("bad.bin", [0, 1, 2, 3]);

        await host.DrainAsync();

        Assert.Equal(["good.txt", "sub/other.md"], TestFolder.FilesIn(folder.Processed));
        Assert.Equal(["bad.bin", "bad.bin.error.json"], TestFolder.FilesIn(folder.Failed));
        var sources = (await host.ReportsAsync()).Select(r => r.Source).Order(StringComparer.Ordinal);
        Assert.Equal(["good.txt", "sub/other.md"], sources);
    }
}
