namespace NormsGraph.Tests;

/// <summary>
/// The repository checkout the tests run from, found by walking up to NormsGraph.sln. One file, compiled into
/// every test project (tests/Directory.Build.props), so each does not walk the tree its own way.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NormsGraph.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No NormsGraph.sln above {AppContext.BaseDirectory}.");
    }
}
