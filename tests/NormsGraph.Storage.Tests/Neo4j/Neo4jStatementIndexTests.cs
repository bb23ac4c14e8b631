using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Neo4j;
using NormsGraph.Storage.Tests.Contract;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>The statement index contract against Neo4j (vector and full-text indexes); skips without a server.</summary>
public sealed class Neo4jStatementIndexTests(Neo4jServerFixture server) : StatementIndexContract, IClassFixture<Neo4jServerFixture>
{
    private ServiceProvider? _services;

    public override async ValueTask InitializeAsync()
    {
        server.RequireServer();
        await base.InitializeAsync();
        // Full-text and vector indexes are eventually consistent; the contract reads right after writing.
        await _services!.GetRequiredService<Neo4jQueryClient>().RunAsync(Neo4jQueries.AwaitIndexes.With(("timeoutSeconds", 60)), Ct);
    }

    protected override async Task<(IGraphStore Store, IStatementIndex Index)> CreateAsync()
    {
        _services = Neo4jTestServices.Build(server.Uri!, server.User, server.Password);
        await _services.GetRequiredService<Neo4jQueryClient>().RunAsync(TestCypher.ClearDatabase, Ct);
        return (_services.GetRequiredService<IGraphStore>(), _services.GetRequiredService<IStatementIndex>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(new[] { "law" }, "\"law\"")]
    [InlineData(new[] { "a\"b", "c\\d" }, "\"a\\\"b\" OR \"c\\\\d\"")]
    [InlineData(new[] { "&&", "()" }, null)]
    public void Lucene_queries_quote_and_escape_every_term(string[] terms, string? expected) =>
        Assert.Equal(expected, Neo4jStatementIndex.LuceneQuery(terms));
}
