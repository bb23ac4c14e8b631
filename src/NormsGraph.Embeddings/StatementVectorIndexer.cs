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
                var vectors = encoder.Encode(pending.Select(p => p.Evidence).ToList(), cancellationToken);
                await index.SaveVectorsAsync(encoder.ModelName,
                    pending.Select((p, i) => new StatementVector(p.StatementId, vectors[i])).ToList(), cancellationToken);
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
