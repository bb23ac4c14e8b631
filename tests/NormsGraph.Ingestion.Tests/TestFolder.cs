using Microsoft.Data.Sqlite;

namespace NormsGraph.Ingestion.Tests;

/// <summary>A temporary folder holding one test's inbox, processed, failed and claimed folders and its store.</summary>
internal sealed class TestFolder : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("normsgraph-ingestion-").FullName;

    public string Inbox => Path.Combine(Root, "inbox");
    public string Processed => Path.Combine(Root, "processed");
    public string Failed => Path.Combine(Root, "failed");
    public string Claimed => Path.Combine(Root, "claimed");
    public string StorePath => Path.Combine(Root, "graph.db");

    /// <summary>Names of the files under <paramref name="folder"/>, relative to it, sorted.</summary>
    public static List<string> FilesIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];

    public string Drop(string name, string content) => Drop(name, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Writes a file beside the inbox and renames it in, the way a careful copy tool does.</summary>
    public string Drop(string name, byte[] content)
    {
        var path = Path.Combine(Inbox, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var staging = Path.Combine(Root, "staging-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(staging, content);
        File.Move(staging, path, overwrite: true);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a killed worker process may still be letting go of a file; the temp folder is cleaned by the OS
        }
    }
}
