using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Neo4j;
using Polly.CircuitBreaker;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// The Neo4j client against a local server answering as the Query API documents: request shape, error
/// mapping, which failures are retried, transactions and the circuit breaker. Delays are tiny so this is fast.
/// </summary>
public sealed class Neo4jQueryClientTests : IAsyncLifetime
{
    private const string Password = "s3cret:pass";
    private static readonly Neo4jStatement Alice = new("test", "MERGE (n:Person {name: $name, age: $age}) RETURN n.name AS name",
        new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42 });

    private FakeQueryApi _server = null!;
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeQueryApi.StartAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await _server.DisposeAsync();
    }

    private Neo4jQueryClient Client(Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Neo4j:MaxRetries"] = "2",
            ["Neo4j:RetryDelay"] = "00:00:00.001",
            ["Neo4j:AttemptTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }
        _services = Neo4jTestServices.Build(_server.Address, "neo4j", Password, values);
        return _services.GetRequiredService<Neo4jQueryClient>();
    }

    [Fact]
    public async Task A_query_posts_the_statement_and_parameters_with_basic_auth_and_reads_the_rows()
    {
        _server.ThenData("""{"fields": ["name", "age"], "values": [["Alice", 42], ["Bob", null]]}""");

        var result = await Client().RunAsync(Alice, Ct);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:" + Password)), request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(Alice.Text, body.RootElement.GetProperty("statement").GetString());
        Assert.Equal("Alice", body.RootElement.GetProperty("parameters").GetProperty("name").GetString());
        Assert.Equal(42, body.RootElement.GetProperty("parameters").GetProperty("age").GetInt32());
        Assert.False(body.RootElement.TryGetProperty("bookmarks", out _));
        Assert.Equal(["name", "age"], result.Fields);
        Assert.Equal(("Alice", 42), (result.Records[0].GetString("name"), result.Records[0].GetInt32("age")));
        Assert.Null(result.Records[1].GetNullableString("age"));
    }

    [Fact]
    public async Task An_error_in_a_202_body_fails_the_request_without_a_retry()
    {
        _server.ThenError(202, "Neo.ClientError.Statement.ArgumentError", "Cannot merge node using null property value for name");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal((Neo4jErrorKind.Client, "Neo.ClientError.Statement.ArgumentError", 202), (error.Kind, error.Code, error.StatusCode));
        Assert.Contains("null property value", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_syntax_error_is_a_client_error_and_is_not_retried()
    {
        _server.ThenError(400, "Neo.ClientError.Statement.SyntaxError", "Invalid input 'MERG': expected a clause");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal((Neo4jErrorKind.Client, "Neo.ClientError.Statement.SyntaxError", 400), (error.Kind, error.Code, error.StatusCode));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Bad_credentials_are_a_security_error_and_are_not_retried()
    {
        _server.ThenError(401, "Neo.ClientError.Security.Unauthorized", "Invalid username or password.");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal((Neo4jErrorKind.Security, 401), (error.Kind, error.StatusCode));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_until_the_server_answers()
    {
        _server.Then(503, "<html>restarting</html>").Then(503, "").ThenData("""{"fields": ["name"], "values": [["Alice"]]}""");

        var result = await Client().RunAsync(Alice, Ct);

        Assert.Equal("Alice", result.Single().GetString("name"));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_transient_error_code_in_the_body_is_retried()
    {
        _server.ThenError(202, "Neo.TransientError.Transaction.DeadlockDetected", "Deadlock").ThenData("""{"fields": ["name"], "values": [["Alice"]]}""");

        await Client().RunAsync(Alice, Ct);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
    }

    [Fact]
    public async Task A_terminated_transaction_is_not_retried_although_its_code_is_transient()
    {
        _server.ThenError(202, "Neo.TransientError.Transaction.Terminated", "The transaction has been terminated.");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal(Neo4jErrorKind.Terminated, error.Kind);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_then_reported_as_store_unavailable()
    {
        _server.ThenDrop().ThenDrop().ThenDrop();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal(3, _server.Requests.Count); // the first attempt and two retries
        Assert.Equal(Neo4jErrorKind.Transient, Assert.IsType<Neo4jException>(error.InnerException).Kind);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_counts_as_transient()
    {
        var slow = TimeSpan.FromSeconds(5);
        _server.Then(202, "{}", delay: slow).Then(202, "{}", delay: slow);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client(new()
        {
            ["Neo4j:MaxRetries"] = "1",
            ["Neo4j:AttemptTimeout"] = "00:00:00.200",
        }).RunAsync(Alice, Ct));

        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_transient_failures_and_then_fails_fast()
    {
        _server.Then(503, "").Then(503, "");
        var client = Client(new()
        {
            ["Neo4j:MaxRetries"] = "1",
            ["Neo4j:BreakerMinimumThroughput"] = "2",
            ["Neo4j:BreakerFailureRatio"] = "1",
            ["Neo4j:BreakDuration"] = "00:01:00",
        });
        await Assert.ThrowsAsync<StoreUnavailableException>(() => client.RunAsync(Alice, Ct));

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.RunAsync(Alice, Ct));

        Assert.IsType<BrokenCircuitException>(error.InnerException, exactMatch: false);
        Assert.Equal(2, _server.Requests.Count); // the open circuit kept the second call off the wire
    }

    [Fact]
    public async Task A_transaction_opens_with_its_first_statement_replays_the_affinity_and_commits()
    {
        _server
            .ThenData("""{"fields": ["name"], "values": [["Alice"]]}""", transactionId: "tx/1", affinity: "member-a")
            .ThenData("""{"fields": ["name"], "values": [["Bob"]]}""", transactionId: "tx/1", affinity: "member-a")
            .Then(202, """{"bookmarks": ["FB:after-commit"]}""", affinity: "member-a");
        var client = Client();

        var names = await client.ExecuteInTransactionAsync(async (transaction, token) =>
        {
            var first = await transaction.RunAsync(Alice, token);
            var second = await transaction.RunAsync(Alice with { Parameters = new Dictionary<string, object?> { ["name"] = "Bob", ["age"] = 7 } }, token);
            return (first.Single().GetString("name"), second.Single().GetString("name"));
        }, Ct);

        Assert.Equal(("Alice", "Bob"), names);
        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx", ""), ("POST", "/db/neo4j/query/v2/tx/tx%2F1", "member-a"), ("POST", "/db/neo4j/query/v2/tx/tx%2F1/commit", "member-a")],
            _server.Requests.Select(r => (r.Method, r.Path, r.Affinity)));
        Assert.Equal("", _server.Requests[2].Body);
    }

    [Fact]
    public async Task Bookmarks_of_a_commit_go_with_the_next_query()
    {
        _server
            .ThenData("""{"fields": [], "values": []}""", transactionId: "tx1")
            .Then(202, """{"bookmarks": ["FB:after-commit"]}""")
            .ThenData("""{"fields": [], "values": []}""");
        var client = Client();
        await client.ExecuteInTransactionAsync((transaction, token) => transaction.RunAsync(Alice, token), Ct);

        await client.RunAsync(Alice, Ct);

        using var body = JsonDocument.Parse(_server.Requests[^1].Body);
        Assert.Equal("FB:after-commit", body.RootElement.GetProperty("bookmarks")[0].GetString());
    }

    [Fact]
    public async Task A_failing_statement_rolls_the_transaction_back()
    {
        _server
            .ThenData("""{"fields": [], "values": []}""", transactionId: "tx1", affinity: "member-b")
            .ThenError(202, "Neo.ClientError.Schema.ConstraintValidationFailed", "Node already exists")
            .Then(202, "{}");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().ExecuteInTransactionAsync(async (transaction, token) =>
        {
            await transaction.RunAsync(Alice, token);
            return await transaction.RunAsync(Alice, token);
        }, Ct));

        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", error.Code);
        Assert.Equal(("DELETE", "/db/neo4j/query/v2/tx/tx1", "member-b"), (_server.Requests[^1].Method, _server.Requests[^1].Path, _server.Requests[^1].Affinity));
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task A_transient_failure_inside_a_transaction_runs_the_whole_transaction_again()
    {
        _server
            .ThenData("""{"fields": [], "values": []}""", transactionId: "tx1")
            .ThenError(202, "Neo.TransientError.Transaction.DeadlockDetected", "Deadlock")
            .ThenError(202, "Neo.ClientError.Request.Invalid", "Transaction with Id: tx1 was not found.")
            .ThenData("""{"fields": [], "values": []}""", transactionId: "tx2")
            .ThenData("""{"fields": ["n"], "values": [[1]]}""", transactionId: "tx2")
            .Then(202, """{"bookmarks": []}""");
        var attempts = 0;

        var result = await Client().ExecuteInTransactionAsync(async (transaction, token) =>
        {
            attempts++;
            await transaction.RunAsync(Alice, token);
            return (await transaction.RunAsync(Alice, token)).Single().GetInt32("n");
        }, Ct);

        Assert.Equal((1, 2), (result, attempts));
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/tx1", "DELETE /db/neo4j/query/v2/tx/tx1",
             "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/tx2", "POST /db/neo4j/query/v2/tx/tx2/commit"],
            _server.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task A_commit_lost_on_the_way_is_rolled_back_and_the_transaction_runs_again()
    {
        _server
            .ThenData("""{"fields": [], "values": []}""", transactionId: "tx1")
            .ThenDrop()
            .Then(202, "{}")
            .ThenData("""{"fields": [], "values": []}""", transactionId: "tx2")
            .Then(202, """{"bookmarks": []}""");

        await Client().ExecuteInTransactionAsync((transaction, token) => transaction.RunAsync(Alice, token), Ct);

        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/tx1/commit", "DELETE /db/neo4j/query/v2/tx/tx1",
             "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/tx2/commit"],
            _server.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public void Bad_settings_fail_at_start_with_the_setting_named()
    {
        using var services = Neo4jTestServices.Build(new Uri("http://user:pw@localhost:7474"), "neo4j", "", new Dictionary<string, string?>
        {
            ["Neo4j:Database"] = "../system",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Neo4jOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Neo4j:Uri must not carry credentials", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Neo4j:Password", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Neo4j:Database", StringComparison.Ordinal));
    }
}
