using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// A small client of Neo4j's HTTP Query API: every statement is one auto-commit request to
/// <c>POST /db/{database}/query/v2</c>. No explicit transactions: each write the store makes is a single
/// statement, atomic on its own, which works on clusters (where the Query API's explicit transactions do not
/// on self-managed 5.26) and holds its locks only while it runs. A typed <see cref="HttpClient"/>: base
/// address, Basic auth and the resilience pipeline come from its registration.
/// </summary>
internal sealed class Neo4jQueryClient(HttpClient http, Neo4jClientState state, IOptions<Neo4jOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly string _queryPath = $"db/{Uri.EscapeDataString(options.Value.Database)}/query/v2";

    public string DatabaseName => options.Value.Database;

    /// <summary>Runs one statement (a read, or a schema statement); transient failures are retried by the HTTP pipeline.</summary>
    public async Task<Neo4jResult> RunAsync(Neo4jStatement statement, CancellationToken cancellationToken)
    {
        try
        {
            return (await SendAsync(statement, cancellationToken)).Result;
        }
        catch (Neo4jException e) when (e.IsTransient)
        {
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// Runs one writing statement, waiting first for one of this process's write slots. The statement must be
    /// safe to send twice (it is retried whole, and a dropped answer does not say whether it committed).
    /// </summary>
    public async Task<Neo4jResult> WriteAsync(Neo4jStatement statement, CancellationToken cancellationToken)
    {
        await state.Writes.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(statement, cancellationToken);
        }
        finally
        {
            state.Writes.Release();
        }
    }

    private async Task<Neo4jResponse> SendAsync(Neo4jStatement statement, CancellationToken cancellationToken)
    {
        // Bookmarks: this process's chain, plus the caller's when a scope carries a client's from another replica.
        var scope = Neo4jBookmarkScope.Current;
        var processMarks = state.Bookmarks.Current;
        var scopeMarks = scope?.Current ?? [];
        IReadOnlyList<string> bookmarks = scopeMarks.Count == 0 ? processMarks : [.. processMarks.Union(scopeMarks, StringComparer.Ordinal)];

        using var request = new HttpRequestMessage(HttpMethod.Post, _queryPath);
        request.Options.Set(Neo4jResilience.Repeatable, true);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // Bytes rather than a streamed JsonContent: a retried request sends the same content again.
        var body = new Neo4jQueryRequest(statement.Text, statement.Parameters, bookmarks.Count > 0 ? bookmarks : null);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, Json));
        request.Content.Headers.ContentType = JsonMediaType;

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            // Fail fast while the breaker is open.
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
            var parsed = Neo4jResponse.Parse(response.StatusCode, bytes);
            state.Bookmarks.Advance(processMarks, parsed.Bookmarks);
            scope?.Advance(scopeMarks, parsed.Bookmarks);
            return parsed;
        }
    }

    private StoreUnavailableException Unavailable(Neo4jException e) =>
        new($"Neo4j at {http.BaseAddress} is unavailable after {options.Value.MaxRetries} retries: {e.Message}", e);
}
