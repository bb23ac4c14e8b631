namespace NormsGraph.Cli.Tests;

/// <summary>Finds ../shared (seed reports and the dev set) beside the repository; tests skip when it is absent.</summary>
internal static class SharedData
{
    public static string? Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NormsGraph.sln")))
                {
                    var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                    return Directory.Exists(shared) ? shared : null;
                }
            }
            return null;
        }
    }

    public static string RequireFolder(string relative)
    {
        var folder = Folder is null ? null : Path.Combine(Folder, relative);
        if (folder is null || !Directory.Exists(folder))
        {
            Assert.Skip($"../shared/{relative} is not present beside the repository.");
        }
        return folder!;
    }
}
