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
/// mapping, which failures are retried, bookmarks, the write limit and the circuit breaker. Delays are tiny so this is fast.
/// </summary>
public sealed class Neo4jQueryClientTests : FakeQueryApiTests
{
    private const string Password = "s3cret:pass";
    private static readonly Neo4jStatement Alice = new("test", "MERGE (n:Person {name: $name, age: $age}) RETURN n.name AS name",
        new Dictionary<string, object?> { ["name"] = "Alice", ["age"] = 42 });

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
        Services = Neo4jTestServices.Build(Server.Address, "neo4j", Password, values);
        return Services.GetRequiredService<Neo4jQueryClient>();
    }

    [Fact]
    public async Task A_query_posts_the_statement_and_parameters_with_basic_auth_and_reads_the_rows()
    {
        Server.ThenData("""{"fields": ["name", "age"], "values": [["Alice", 42], ["Bob", null]]}""");

        var result = await Client().RunAsync(Alice, Ct);

        var request = Assert.Single(Server.Requests);
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
        Server.ThenError(202, "Neo.ClientError.Statement.ArgumentError", "Cannot merge node using null property value for name");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal((Neo4jErrorKind.Client, "Neo.ClientError.Statement.ArgumentError", 202), (error.Kind, error.Code, error.StatusCode));
        Assert.Contains("null property value", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task A_syntax_error_is_a_client_error_and_is_not_retried()
    {
        Server.ThenError(400, "Neo.ClientError.Statement.SyntaxError", "Invalid input 'MERG': expected a clause");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal((Neo4jErrorKind.Client, "Neo.ClientError.Statement.SyntaxError", 400), (error.Kind, error.Code, error.StatusCode));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Bad_credentials_are_a_security_error_and_are_not_retried()
    {
        Server.ThenError(401, "Neo.ClientError.Security.Unauthorized", "Invalid username or password.");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal((Neo4jErrorKind.Security, 401), (error.Kind, error.StatusCode));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_until_theServer_answers()
    {
        Server.Then(503, "<html>restarting</html>").Then(503, "").ThenData("""{"fields": ["name"], "values": [["Alice"]]}""");

        var result = await Client().RunAsync(Alice, Ct);

        Assert.Equal("Alice", result.Single().GetString("name"));
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task A_transient_error_code_in_the_body_is_retried()
    {
        Server.ThenError(202, "Neo.TransientError.Transaction.DeadlockDetected", "Deadlock").ThenData("""{"fields": ["name"], "values": [["Alice"]]}""");

        await Client().RunAsync(Alice, Ct);

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(Server.Requests[0].Body, Server.Requests[1].Body);
    }

    [Fact]
    public async Task A_terminated_transaction_is_not_retried_although_its_code_is_transient()
    {
        Server.ThenError(202, "Neo.TransientError.Transaction.Terminated", "The transaction has been terminated.");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal(Neo4jErrorKind.Terminated, error.Kind);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_then_reported_as_store_unavailable()
    {
        Server.ThenDrop().ThenDrop().ThenDrop();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client().RunAsync(Alice, Ct));

        Assert.Equal(3, Server.Requests.Count); // the first attempt and two retries
        Assert.Equal(Neo4jErrorKind.Transient, Assert.IsType<Neo4jException>(error.InnerException).Kind);
    }

    [Fact]
    public async Task AServer_that_does_not_answer_in_time_counts_as_transient()
    {
        var slow = TimeSpan.FromSeconds(5);
        Server.Then(202, "{}", delay: slow).Then(202, "{}", delay: slow);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client(new()
        {
            ["Neo4j:MaxRetries"] = "1",
            ["Neo4j:AttemptTimeout"] = "00:00:00.200",
        }).RunAsync(Alice, Ct));

        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_transient_failures_and_then_fails_fast()
    {
        Server.Then(503, "").Then(503, "");
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
        Assert.Equal(2, Server.Requests.Count); // the open circuit kept the second call off the wire
    }

    [Theory]
    [InlineData("Neo.TransientError.Transaction.DeadlockDetected")]
    [InlineData("Neo.TransientError.Transaction.LockAcquisitionTimeout")]
    [InlineData("Neo.ClientError.Transaction.TransactionNotFound")]
    [InlineData("Neo.ClientError.Statement.EntityNotFound")]
    [InlineData("Neo.ClientError.Cluster.NotALeader")]
    public async Task A_write_that_met_contention_or_a_lost_transaction_is_sent_again_as_it_was(string code)
    {
        Server.ThenError(202, code, "try again").ThenData("""{"fields": ["name"], "values": [["Alice"]]}""");

        var result = await Client().WriteAsync(Alice, Ct);

        Assert.Equal("Alice", result.Single().GetString("name"));
        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(Server.Requests[0].Body, Server.Requests[1].Body);
    }

    [Fact]
    public async Task Contention_that_outlasts_the_retry_budget_is_reported_as_store_unavailable_with_its_code()
    {
        Server.ThenError(202, "Neo.TransientError.Transaction.DeadlockDetected", "cycle")
            .ThenError(202, "Neo.TransientError.Transaction.LockAcquisitionTimeout", "waited too long")
            .ThenError(202, "Neo.TransientError.Transaction.DeadlockDetected", "cycle again");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Client().WriteAsync(Alice, Ct));

        Assert.Equal(3, Server.Requests.Count); // the first attempt and MaxRetries=2
        Assert.Contains("after 2 retries", error.Message, StringComparison.Ordinal);
        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", Assert.IsType<Neo4jException>(error.InnerException).Code);
    }

    [Fact]
    public async Task Every_request_is_one_auto_commit_post_to_the_query_endpoint()
    {
        Server.ThenData("""{"fields": [], "values": []}""").ThenData("""{"fields": [], "values": []}""");
        var client = Client();

        await client.WriteAsync(Alice, Ct);
        await client.RunAsync(Alice, Ct);

        Assert.All(Server.Requests, r => Assert.Equal(("POST", "/db/neo4j/query/v2"), (r.Method, r.Path)));
    }

    [Fact]
    public async Task Bookmarks_of_an_answer_go_with_the_next_request_and_replace_the_ones_it_sent()
    {
        Server
            .ThenData("""{"fields": [], "values": []}""", bookmarks: """["FB:after-write"]""")
            .ThenData("""{"fields": [], "values": []}""", bookmarks: """["FB:after-read"]""")
            .ThenData("""{"fields": [], "values": []}""");
        var client = Client();

        await client.WriteAsync(Alice, Ct);
        await client.RunAsync(Alice, Ct);
        await client.RunAsync(Alice, Ct);

        Assert.Equal([[], ["FB:after-write"], ["FB:after-read"]], Server.Requests.Select(r => BookmarksOf(r.Body)));
    }

    [Fact]
    public async Task A_bookmark_scope_sends_a_clients_bookmarks_and_hands_back_the_ones_its_write_returned()
    {
        Server.ThenData("""{"fields": [], "values": []}""", bookmarks: """["FB:client-write"]""").ThenData("""{"fields": [], "values": []}""");
        var client = Client();

        IReadOnlyList<string> handBack;
        using (var scope = Neo4jBookmarkScope.Begin(["FB:from-other-replica"]))
        {
            await client.WriteAsync(Alice, Ct);
            handBack = scope.Bookmarks;
        }
        await client.RunAsync(Alice, Ct);

        Assert.Equal(["FB:from-other-replica"], BookmarksOf(Server.Requests[0].Body));
        Assert.Equal(["FB:client-write"], handBack);
        Assert.Equal(["FB:client-write"], BookmarksOf(Server.Requests[1].Body)); // the process chain, not the ended scope
    }

    [Fact]
    public async Task Writes_beyond_the_concurrency_limit_wait_for_a_slot()
    {
        for (var i = 0; i < 6; i++)
        {
            Server.Then(202, """{"data": {"fields": [], "values": []}}""", delay: TimeSpan.FromMilliseconds(150));
        }
        var client = Client(new() { ["Neo4j:MaxConcurrentWrites"] = "2" });

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.WriteAsync(Alice, Ct)));

        Assert.Equal(6, Server.Requests.Count);
        Assert.Equal(2, Server.MaxConcurrentRequests);
    }

    private static string[] BookmarksOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("bookmarks", out var marks) ? [.. marks.EnumerateArray().Select(m => m.GetString()!)] : [];
    }

    [Fact]
    public void Bad_settings_fail_at_start_with_the_setting_named()
    {
        using var services = Neo4jTestServices.Build(new Uri("http://user:pw@localhost:7474"), "neo4j", "", new Dictionary<string, string?>
        {
            ["Neo4j:Database"] = "../system",
            ["Neo4j:MaxConcurrentWrites"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<Neo4jOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Neo4j:Uri must not carry credentials", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Neo4j:Password", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Neo4j:Database", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Neo4j:MaxConcurrentWrites must be between 1 and 256", StringComparison.Ordinal));
    }
}
