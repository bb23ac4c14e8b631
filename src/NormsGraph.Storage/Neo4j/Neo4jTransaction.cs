using Microsoft.Extensions.Logging;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// One explicit transaction of the Query API. It opens lazily with its first statement (<c>POST .../tx</c>
/// answers with the transaction id and the cluster affinity to replay), runs the rest at <c>.../tx/{id}</c>,
/// commits at <c>.../tx/{id}/commit</c> and, when disposed uncommitted, rolls back with <c>DELETE .../tx/{id}</c>.
/// Its requests are never retried one by one: a failed statement closes the transaction on the server.
/// </summary>
internal sealed class Neo4jTransaction(Neo4jQueryClient client, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(10);

    private string? _id;
    private string? _affinity;
    private bool _finished;

    public async Task<Neo4jResult> RunAsync(Neo4jStatement statement, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var opening = _id is null;
        var response = await client.SendAsync(HttpMethod.Post, opening ? client.TransactionPath : Path(""),
            client.Body(statement, withBookmarks: opening), repeatable: false, _affinity, cancellationToken);
        if (opening)
        {
            _id = response.TransactionId
                ?? throw new Neo4jException(Neo4jErrorKind.Protocol, null, "Neo4j opened a transaction but sent no transaction id.");
            _affinity = response.Affinity;
        }
        return response.Result;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_id is null)
        {
            _finished = true; // nothing ran, nothing to commit
            return;
        }
        await client.SendAsync(HttpMethod.Post, Path("/commit"), body: null, repeatable: false, _affinity, cancellationToken);
        // Only a commit that answered ends the transaction here. One that failed on the way (a dropped
        // connection) may never have reached the server, so disposal still rolls back and frees its locks
        // at once rather than after the server's idle timeout.
        _finished = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished || _id is null)
        {
            return;
        }
        _finished = true;
        // Best effort and not bound to the caller's token: the caller may have given up, the server still
        // holds locks until the transaction ends. A server that already closed it answers with an error.
        using var timeout = new CancellationTokenSource(RollbackTimeout);
        try
        {
            await client.SendAsync(HttpMethod.Delete, Path(""), body: null, repeatable: false, _affinity, timeout.Token);
        }
        catch (Exception e)
        {
            Log.RollbackFailed(logger, _id, e.Message);
        }
    }

    private string Path(string suffix) => $"{client.TransactionPath}/{Uri.EscapeDataString(_id!)}{suffix}";
}
