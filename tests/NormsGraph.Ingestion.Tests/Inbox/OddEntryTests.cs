using Microsoft.Extensions.DependencyInjection;

namespace NormsGraph.Ingestion.Tests.Inbox;

/// <summary>Entries of the inbox that are not plain files with a sane write time.</summary>
public sealed class OddEntryTests
{
    [Fact]
    public async Task A_file_written_in_the_future_is_taken_once_it_has_been_seen_unchanged()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        var path = folder.Drop("ahead.txt", TestReports.SupplyChain);
        // A clock ahead of this one, cp -p or an archive: the write time has not come yet.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(1));

        await host.DrainAsync();

        Assert.Equal(["ahead.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Single(await host.ReportsAsync());
    }

    [Fact]
    public async Task Links_to_folders_are_not_followed_and_the_files_around_them_flow_on()
    {
        using var folder = new TestFolder();
        var elsewhere = Path.Combine(folder.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "kept.txt"), TestReports.CriticalInfrastructure);
        await using var host = await IngestionHost.StartAsync(folder);
        // A loop back into the inbox, and a way out of it.
        Directory.CreateSymbolicLink(Path.Combine(folder.Inbox, "loop"), folder.Inbox);
        Directory.CreateSymbolicLink(Path.Combine(folder.Inbox, "out"), elsewhere);
        folder.Drop("report.txt", TestReports.SupplyChain);
        // A link to a file is read like the file, and the file stays where it is.
        var target = Path.Combine(elsewhere, "linked.txt");
        File.WriteAllText(target, TestReports.SupplyChainEdited);
        File.CreateSymbolicLink(Path.Combine(folder.Inbox, "linked.txt"), target);

        var passes = await host.DrainAsync();

        Assert.Equal(2, passes.Sum(p => p.Processed));
        Assert.Equal(["linked.txt", "report.txt"], TestFolder.FilesIn(folder.Processed).Where(f => !f.Contains('/', StringComparison.Ordinal)));
        Assert.Equal(["kept.txt", "linked.txt"], Directory.EnumerateFiles(elsewhere).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["linked.txt", "report.txt"], (await host.ReportsAsync()).Select(r => r.Source).Order(StringComparer.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(folder.Inbox, "loop")));
        Assert.Empty(TestFolder.FilesIn(folder.Claimed));
    }

    [Fact]
    public async Task A_link_to_a_file_given_relative_to_the_inbox_is_read_like_the_file_wherever_it_is_moved()
    {
        using var folder = new TestFolder();
        var elsewhere = Path.Combine(folder.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "linked.txt"), TestReports.SupplyChain);
        File.WriteAllText(Path.Combine(elsewhere, "nested.txt"), TestReports.CriticalInfrastructure);
        await using var host = await IngestionHost.StartAsync(folder);
        // `ln -s ../elsewhere/linked.txt inbox/`: the target is named from the link's folder, which claiming changes.
        Directory.CreateDirectory(folder.Inbox);
        File.CreateSymbolicLink(Path.Combine(folder.Inbox, "linked.txt"), "../elsewhere/linked.txt");
        Directory.CreateDirectory(Path.Combine(folder.Inbox, "sub"));
        File.CreateSymbolicLink(Path.Combine(folder.Inbox, "sub", "nested.txt"), "../../elsewhere/nested.txt");

        var passes = await host.DrainAsync();

        Assert.Equal(2, passes.Sum(p => p.Processed));
        Assert.Equal(0, passes.Sum(p => p.Failed + p.Errors));
        Assert.Equal(["linked.txt", "sub/nested.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Equal(["linked.txt", "sub/nested.txt"], (await host.ReportsAsync()).Select(r => r.Source).Order(StringComparer.Ordinal));
        // Filed, the link still leads to its file, which stays where it is.
        Assert.Equal(TestReports.SupplyChain, File.ReadAllText(Path.Combine(folder.Processed, "linked.txt")));
        Assert.Equal(TestReports.CriticalInfrastructure, File.ReadAllText(Path.Combine(folder.Processed, "sub", "nested.txt")));
        Assert.Equal(["linked.txt", "nested.txt"], Directory.EnumerateFiles(elsewhere).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_link_to_a_file_that_does_not_exist_is_refused_at_once_naming_its_target()
    {
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        var missing = Path.Combine(folder.Root, "elsewhere", "gone.txt");
        File.CreateSymbolicLink(Path.Combine(folder.Inbox, "dangling.txt"), missing);
        folder.Drop("report.txt", TestReports.SupplyChain);

        var passes = await host.DrainAsync();

        Assert.Equal(1, passes.Sum(p => p.Failed));
        Assert.Equal(0, passes.Sum(p => p.Errors));
        Assert.Equal(["report.txt"], TestFolder.FilesIn(folder.Processed));
        Assert.Equal(["dangling.txt", "dangling.txt.error.json"], TestFolder.FilesIn(folder.Failed));
        using var reason = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Failed, "dangling.txt.error.json")));
        Assert.Equal("NOT_FOUND", reason.RootElement.GetProperty("code").GetString());
        Assert.Contains(missing, reason.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_whose_name_is_not_utf8_is_named_as_unreadable_and_the_files_around_it_flow_on()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "File names are bytes on Unix only.");
        using var folder = new TestFolder();
        await using var host = await IngestionHost.StartAsync(folder);
        // "café.txt" named in Latin-1 (a Windows share, an old archive): no .NET path reaches it.
        await ShellAsync(folder.Inbox, "printf 'Old report\\n\\nKenya spoke.\\n' > \"$(printf 'caf\\351.txt')\"");
        folder.Drop("report.txt", TestReports.SupplyChain);

        var passes = await host.DrainAsync();
        await ShellAsync(folder.Inbox, "rm ./caf?.txt"); // nor can the test folder's clean-up

        Assert.Equal(1, passes.Sum(p => p.Processed));
        Assert.Equal(["report.txt"], TestFolder.FilesIn(folder.Processed));
        var error = host.Services.GetRequiredService<IngestionState>().LastError.Message;
        Assert.NotNull(error);
        Assert.Contains("caf\uFFFD.txt", error, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }

    private static async Task ShellAsync(string folder, string script)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sh") { WorkingDirectory = folder };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var shell = System.Diagnostics.Process.Start(start)!;
        await shell.WaitForExitAsync(IngestionHost.Ct);
    }
}
