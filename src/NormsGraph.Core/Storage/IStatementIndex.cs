using NormsGraph.Core.Matching;

namespace NormsGraph.Core.Storage;

/// <summary>
/// The store's side of linking: stored statements as evidence (nearest by vector, best by BM25) and the
/// evidence vectors themselves, computed once per statement and model and kept beside the statement.
/// </summary>
public interface IStatementIndex : IStoredEvidenceSource
{
    /// <summary>Statements that have no vector from <paramref name="model"/> yet (new, or computed by another model).</summary>
    Task<IReadOnlyList<PendingVector>> FindStatementsWithoutVectorAsync(string model, int limit, CancellationToken cancellationToken);

    /// <summary>Stores vectors computed by <paramref name="model"/>, replacing any older model's; unknown statement ids are ignored.</summary>
    Task SaveVectorsAsync(string model, IReadOnlyList<StatementVector> vectors, CancellationToken cancellationToken);
}
