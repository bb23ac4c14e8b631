using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;
using NormsGraph.Embeddings;
using NormsGraph.Storage.Embedded;

namespace NormsGraph.Embeddings.Tests;

public sealed class StatementVectorIndexerTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "normsgraph-embeddings-tests", Guid.NewGuid().ToString("N"));
    private EmbeddedGraphStore? _store;
    private EmbeddedStatementIndex? _index;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new EmbeddedGraphStore(Path.Combine(_folder, "graph.db"));
        _index = new EmbeddedStatementIndex(_store);
        await _store.InitializeAsync(Ct);
        var chile = new Actor("chl", "Chile", ActorType.State, [], true);
        var law = new Target("p-intl-law", "International law applies", TargetKind.Principle, null);
        await _store.ApplyTaxonomyAsync(new TaxonomyGraph([], [law], [], [chile]), Ct);
        var sentences = Enumerable.Range(0, 40).Select(i => $"Chile stressed point {i} of international law.").ToList();
        var text = string.Join(' ', sentences);
        var positions = sentences.Select(s => new ExtractedPosition(StatementIds.Create("c.txt", s, "chl", law.Id, Stance.Support), "chl",
            Stance.Support, law.Id, s, text.IndexOf(s, StringComparison.Ordinal), s.Length, 0.9)).ToList();
        await _store.ApplyAsync(new ReportGraph(new Report(StableIds.ForReportText(text), "T", null, "c.txt", text, ReportFormat.PlainText, "x"),
            null, null, [chile], [law], positions), Ct);
    }

    public ValueTask DisposeAsync()
    {
        _index?.Dispose();
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Every_statement_gets_one_vector_in_batches_and_a_second_pass_computes_none()
    {
        var encoder = new CountingEncoder();
        using var indexer = new StatementVectorIndexer(_index!, encoder);

        Assert.Equal(40, await indexer.IndexPendingAsync(Ct));
        Assert.Equal(0, await indexer.IndexPendingAsync(Ct));
        Assert.Equal(40, encoder.Encoded);
        Assert.Empty(await _index!.FindStatementsWithoutVectorAsync(encoder.ModelName, 10, Ct));
    }

    [Fact]
    public async Task A_sentence_carrying_several_statements_is_encoded_once()
    {
        var law = new Target("p-intl-law", "International law applies", TargetKind.Principle, null);
        var japan = new Actor("jpn", "Japan", ActorType.State, [], true);
        const string sentence = "Japan and Chile stressed that international law applies.";
        var positions = new[] { ("jpn", "s-j"), ("chl", "s-c") }.Select(p => new ExtractedPosition(
            StatementIds.Create("d.txt", sentence, p.Item1, law.Id, Stance.Support), p.Item1, Stance.Support, law.Id, sentence, 0, sentence.Length, 0.9)).ToList();
        await _store!.ApplyAsync(new ReportGraph(new Report(StableIds.ForReportText(sentence), "T", null, "d.txt", sentence, ReportFormat.PlainText, "x"),
            null, null, [japan], [law], positions), Ct);
        var encoder = new CountingEncoder();
        using var indexer = new StatementVectorIndexer(_index!, encoder);

        Assert.Equal(42, await indexer.IndexPendingAsync(Ct));
        Assert.Equal(41, encoder.Encoded);
        Assert.Empty(await _index!.FindStatementsWithoutVectorAsync(encoder.ModelName, 10, Ct));
    }

    [Fact]
    public async Task A_new_model_recomputes_every_vector()
    {
        using (var first = new StatementVectorIndexer(_index!, new CountingEncoder("model-a")))
        {
            await first.IndexPendingAsync(Ct);
        }
        var next = new CountingEncoder("model-b");
        using var second = new StatementVectorIndexer(_index!, next);

        Assert.Equal(40, await second.IndexPendingAsync(Ct));
        Assert.Equal(40, next.Encoded);
    }

    [Fact]
    public async Task With_the_semantic_signal_off_nothing_is_computed()
    {
        using var indexer = new StatementVectorIndexer(_index!, DisabledSentenceEncoder.Instance);

        Assert.Equal(0, await indexer.IndexPendingAsync(Ct));
        Assert.Equal(40, (await _index!.FindStatementsWithoutVectorAsync("all-MiniLM-L6-v2", 100, Ct)).Count);
    }
}
