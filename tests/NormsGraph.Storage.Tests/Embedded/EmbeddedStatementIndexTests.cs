using NormsGraph.Core.Storage;
using NormsGraph.Storage.Embedded;
using NormsGraph.Storage.Tests.Contract;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>The statement index contract against the embedded store (FTS5 and BLOB vectors), each test in its own file.</summary>
public sealed class EmbeddedStatementIndexTests : StatementIndexContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "normsgraph-tests", Guid.NewGuid().ToString("N"));
    private EmbeddedGraphStore? _embedded;
    private EmbeddedStatementIndex? _index;

    protected override Task<(IGraphStore Store, IStatementIndex Index)> CreateAsync()
    {
        _embedded = new EmbeddedGraphStore(Path.Combine(_folder, "graph.db"));
        _index = new EmbeddedStatementIndex(_embedded);
        return Task.FromResult<(IGraphStore, IStatementIndex)>((_embedded, _index));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _index?.Dispose();
        _embedded?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Statements_stored_before_the_index_existed_are_searchable()
    {
        await Store.ApplyAsync(TestGraphs.Report("Chile agreed on disclosure.", null, "c.txt",
            (TestGraphs.Chile, Core.Domain.Stance.Support, TestGraphs.DisclosureNorm, "Chile agreed on disclosure.")), Ct);

        // A second index over the same file has never run its schema: it must rebuild the full-text index.
        using var fresh = new EmbeddedStatementIndex(_embedded!);
        Assert.Equal("chl", Assert.Single(await fresh.SearchLexicalAsync(["disclosure"], 5, Ct)).ActorId);
    }

    [Theory]
    [InlineData(new[] { "law" }, "\"law\"")]
    [InlineData(new[] { "a\"b", "NEAR" }, "\"a\"\"b\" OR \"NEAR\"")]
    [InlineData(new[] { "--", "()" }, null)]
    public void Full_text_queries_quote_every_term(string[] terms, string? expected) =>
        Assert.Equal(expected, EmbeddedStatementIndex.FtsQuery(terms));
}
