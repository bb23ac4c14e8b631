using Microsoft.Data.Sqlite;
using NormsGraph.Cli.Batch;

namespace NormsGraph.Cli.Tests;

/// <summary>A temporary folder with its own store, and a way to run a store-backed command in-process with its output captured.</summary>
internal sealed class CliRun : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("normsgraph-cli-").FullName;

    public string StorePath => Path.Combine(Root, "graph.db");

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<(int Code, string Output, string Errors)> RunAsync(Func<IServiceProvider, BatchConsole, TextWriter, CancellationToken, Task<int>> command,
        string? taxonomy = null)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await CliHost.RunAsync(StorePath, taxonomy, errors,
            (services, ct) => command(services, new BatchConsole(output, interactive: false), errors, ct), Ct);
        return (code, output.ToString(), errors.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
