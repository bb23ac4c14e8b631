using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// A small client of Neo4j's HTTP Query API (<c>POST /db/{database}/query/v2</c>, explicit transactions under
/// <c>/query/v2/tx</c>). A typed <see cref="HttpClient"/>: base address, Basic auth and the resilience pipeline
/// come from its registration (see <see cref="StorageServiceCollectionExtensions"/>).
/// </summary>
internal sealed class Neo4jQueryClient(HttpClient http, IOptions<Neo4jOptions> options, ILogger<Neo4jQueryClient> logger)
{
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly string _queryPath = $"db/{Uri.EscapeDataString(options.Value.Database)}/query/v2";
    private readonly ResiliencePipeline _transactionRetry = Neo4jResilience.Transactions(options.Value, logger);

    // Bookmarks of this process's last commit, sent with the next queries so that, on a cluster, a
    // replica reads its own writes. Local to the process on purpose: nothing here is shared state.
    private IReadOnlyList<string> _bookmarks = [];

    public string DatabaseName => options.Value.Database;

    internal string TransactionPath => _queryPath + "/tx";

    /// <summary>Runs one statement in an implicit transaction; transient failures are retried by the HTTP pipeline.</summary>
    public async Task<Neo4jResult> RunAsync(Neo4jStatement statement, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendAsync(HttpMethod.Post, _queryPath, Body(statement, withBookmarks: true), repeatable: true, affinity: null, cancellationToken);
            return response.Result;
        }
        catch (Neo4jException e) when (e.IsTransient)
        {
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction and commits it; rolls back when it fails.
    /// A transient failure anywhere (open, a statement, commit) retries the whole transaction, so the work
    /// must be repeatable: the store's writes MERGE on ids.
    /// </summary>
    public async Task<T> ExecuteInTransactionAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await _transactionRetry.ExecuteAsync(async token =>
            {
                await using var transaction = new Neo4jTransaction(this, logger);
                var result = await work(transaction, token);
                await transaction.CommitAsync(token);
                return result;
            }, cancellationToken);
        }
        catch (Neo4jException e) when (e.IsTransient)
        {
            throw Unavailable(e);
        }
    }

    internal Neo4jQueryRequest Body(Neo4jStatement statement, bool withBookmarks)
    {
        var bookmarks = Volatile.Read(ref _bookmarks);
        return new Neo4jQueryRequest(statement.Text, statement.Parameters, withBookmarks && bookmarks.Count > 0 ? bookmarks : null);
    }

    internal async Task<Neo4jResponse> SendAsync(HttpMethod method, string path, Neo4jQueryRequest? body, bool repeatable, string? affinity,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Options.Set(Neo4jResilience.Repeatable, repeatable);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }
        if (method != HttpMethod.Delete)
        {
            // Bytes rather than a streamed JsonContent: a retried request sends the same content again.
            request.Content = new ByteArrayContent(body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, Json));
            request.Content.Headers.ContentType = JsonMediaType;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            // Fail fast while the breaker is open; retrying the transaction would only knock on a closed door.
            throw new StoreUnavailableException($"Neo4j at {http.BaseAddress} keeps failing; requests are paused for a while. {e.Message}", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new Neo4jException(Neo4jErrorKind.Transient, null, $"Neo4j at {http.BaseAddress} did not answer in time.", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jException(Neo4jErrorKind.Transient, null, $"Cannot reach Neo4j at {http.BaseAddress}: {e.Message}", null, e);
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var affinityBack = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            var parsed = Neo4jResponse.Parse(response.StatusCode, bytes, affinityBack ?? affinity);
            if (parsed.Bookmarks.Count > 0)
            {
                Volatile.Write(ref _bookmarks, parsed.Bookmarks);
            }
            return parsed;
        }
    }

    private StoreUnavailableException Unavailable(Neo4jException e) =>
        new($"Neo4j at {http.BaseAddress} is unavailable after {options.Value.MaxRetries} retries: {e.Message}", e);
}
