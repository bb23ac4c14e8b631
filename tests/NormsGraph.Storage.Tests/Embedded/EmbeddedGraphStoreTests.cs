using NormsGraph.Core.Storage;
using NormsGraph.Storage.Embedded;
using NormsGraph.Storage.Tests.Contract;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>The store contract against the embedded SQLite store, each test in its own temporary file.</summary>
public sealed class EmbeddedGraphStoreTests : GraphStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "normsgraph-tests", Guid.NewGuid().ToString("N"));
    private EmbeddedGraphStore? _embedded;

    protected override Task<IGraphStore> CreateStoreAsync()
    {
        _embedded = new EmbeddedGraphStore(Path.Combine(_folder, "graph.db"));
        return Task.FromResult<IGraphStore>(_embedded);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _embedded?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_file_survives_a_new_store_instance()
    {
        var path = Path.Combine(_folder, "graph.db");
        await Store.ApplyAsync(TestGraphs.Report("Chile agreed on law.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.IntlLaw, "Chile agreed on law.")), Ct);

        using var reopened = new EmbeddedGraphStore(path);
        await reopened.InitializeAsync(Ct);

        Assert.Equal(1, (await reopened.GetStatisticsAsync(Ct)).Reports);
    }
}
