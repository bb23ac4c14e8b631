namespace NormsGraph.Cli.Tests;

/// <summary>Finds ../shared (seed reports and the dev set) beside the repository; tests skip when it is absent.</summary>
internal static class SharedData
{
    public static string? Folder
    {
        get
        {
            var shared = Path.Combine(Path.GetDirectoryName(RepositoryRoot.Path) ?? RepositoryRoot.Path, "shared");
            return Directory.Exists(shared) ? shared : null;
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
