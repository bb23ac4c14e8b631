using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;

namespace NormsGraph.Embeddings;

/// <summary>
/// Computes the evidence vector of every stored statement that has none from the current model (new
/// statements, or all of them after a model change) and stores it. Each vector is computed once.
/// </summary>
public sealed class StatementVectorIndexer(IStatementIndex index, ISentenceEncoder encoder) : IDisposable
{
    private const int BatchSize = 32;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Indexes everything pending; returns how many vectors were stored. Does nothing when the semantic signal is off.</summary>
    public async Task<int> IndexPendingAsync(CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        if (!encoder.IsEnabled)
        {
            return 0;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stored = 0;
            while (true)
            {
                var pending = await index.FindStatementsWithoutVectorAsync(encoder.ModelName, BatchSize, cancellationToken);
                if (pending.Count == 0)
                {
                    return stored;
                }
                // One sentence often carries several statements (a list of actors, two targets): encode it once.
                var texts = pending.Select(p => p.Evidence).Distinct(StringComparer.Ordinal).ToList();
                var vectors = encoder.Encode(texts, cancellationToken);
                var byText = texts.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => vectors[p.i], StringComparer.Ordinal);
                await index.SaveVectorsAsync(encoder.ModelName,
                    pending.Select(p => new StatementVector(p.StatementId, byText[p.Evidence])).ToList(), cancellationToken);
                stored += pending.Count;
                progress?.Report(stored);
                if (pending.Count < BatchSize)
                {
                    return stored;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
