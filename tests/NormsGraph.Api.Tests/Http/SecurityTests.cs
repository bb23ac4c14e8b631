using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NormsGraph.Api.Security;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.Http;

/// <summary>Keys and scopes, the transport rules, limits, introspection, CORS and the rate limiter, through real HTTP requests.</summary>
public sealed class SecurityTests
{
    private const string Writer = "writer-key-0123456789";
    private const string Reader = "reader-key-0123456789";

    private static Dictionary<string, string?> TwoKeys(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Api:Keys:0:Name"] = "curator",
            ["Api:Keys:0:Key"] = Writer,
            ["Api:Keys:0:Scopes:0"] = "write",
            ["Api:Keys:1:Name"] = "dashboard",
            ["Api:Keys:1:Key"] = Reader,
            ["Api:Keys:1:Scopes:0"] = "read",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    private const string Reject = """mutation ($id: ID!) { rejectStatement(id: $id) { who action before after } }""";

    [Fact]
    public async Task Mutations_need_a_key_that_can_write_and_the_audit_log_names_it()
    {
        await using var factory = new ApiFactory(TwoKeys());
        var client = factory.CreateClient();
        await SubmitBothAsync(client, Writer);
        var (_, positions) = await PostAsync(client, """{ positions(actor: "jpn", first: 1) { nodes { id } } }""");
        var id = positions["data"]!["positions"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var (anonymous, anonymousBody) = await PostAsync(client, Reject, new { id });
        var (reader, readerBody) = await PostAsync(client, Reject, new { id }, apiKey: Reader);
        var (unknown, unknownBody) = await PostAsync(client, "{ __typename }", apiKey: "not-a-key-of-anyone");
        var (writer, writerBody) = await PostAsync(client, Reject, new { id }, apiKey: Writer);
        var (_, log) = await PostAsync(client, "query ($id: ID) { auditLog(subject: $id) { totalCount nodes { who action before after } } }", new { id });

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.StatusCode, ErrorCode(anonymousBody)));
        Assert.Equal((HttpStatusCode.Forbidden, "FORBIDDEN"), (reader.StatusCode, ErrorCode(readerBody)));
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (unknown.StatusCode, ErrorCode(unknownBody)));
        Assert.Equal(HttpStatusCode.OK, writer.StatusCode);
        Assert.Equal("""{"who":"curator","action":"REJECT_STATEMENT","before":"extracted","after":"rejected"}""",
            writerBody["data"]!["rejectStatement"]!.ToJsonString());
        Assert.Equal("""{"totalCount":1,"nodes":[{"who":"curator","action":"REJECT_STATEMENT","before":"extracted","after":"rejected"}]}""",
            log["data"]!["auditLog"]!.ToJsonString());
    }

    [Fact]
    public async Task The_audit_log_names_who_submitted_each_report()
    {
        await using var factory = new ApiFactory(TwoKeys());
        var client = factory.CreateClient();

        var (_, submitted) = await SubmitAsync(client, SampleReport, "consultations.txt", Writer);
        var (_, again) = await SubmitAsync(client, SampleReport, "consultations.txt", Writer);
        var (_, log) = await PostAsync(client, "{ auditLog { totalCount nodes { who action subject before after } } }");

        var id = submitted["data"]!["submitReport"]!["reportId"]!.GetValue<string>();
        Assert.Equal("UNCHANGED", again["data"]!["submitReport"]!["outcome"]!.GetValue<string>());
        Assert.Equal(
            $$$"""{"totalCount":2,"nodes":[{"who":"curator","action":"SUBMIT_REPORT","subject":"{{{id}}}","before":null,"after":"ingested"},{"who":"curator","action":"SUBMIT_REPORT","subject":"{{{id}}}","before":null,"after":"unchanged"}]}""",
            log["data"]!["auditLog"]!.ToJsonString());
    }

    [Fact]
    public async Task An_admin_key_can_do_what_a_write_key_can()
    {
        const string Admin = "admin-key-0123456789";
        await using var factory = new ApiFactory(TwoKeys(new()
        {
            ["Api:Keys:2:Name"] = "operator",
            ["Api:Keys:2:Key"] = Admin,
            ["Api:Keys:2:Scopes:0"] = "admin",
            ["Api:ReadsNeedKey"] = "true",
        }));
        var client = factory.CreateClient();
        await SubmitBothAsync(client, Writer);
        var (read, positions) = await PostAsync(client, """{ positions(actor: "jpn", first: 1) { nodes { id } } }""", apiKey: Admin);
        var id = positions["data"]!["positions"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var (write, body) = await PostAsync(client, Reject, new { id }, apiKey: Admin);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (read.StatusCode, write.StatusCode));
        Assert.Equal("operator", body["data"]!["rejectStatement"]!["who"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bug_of_ours_is_logged_with_its_stack_and_answered_without_the_exceptions_type_or_message()
    {
        await using var factory = new ApiFactory { DecorateStore = inner => new CountingGraphStore(inner) { Failing = nameof(CountingGraphStore.SearchAsync) } };
        var client = factory.CreateClient();

        var (response, body) = await PostAsync(client, """{ search(text: "cert") { totalCount } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = body["errors"]!.AsArray().Single()!;
        Assert.Equal("INTERNAL_SERVER_ERROR", ErrorCode(body));
        Assert.Equal("An internal error occurred while resolving search.", error["message"]!.GetValue<string>());
        Assert.DoesNotContain("secret-internal-detail", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("INVALID_OPERATION", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(factory.Logs, line => line.Contains("|Error|4001|Resolving search failed|InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_that_runs_out_of_time_is_a_timeout_error_and_504()
    {
        await using var factory = new ApiFactory(new() { ["Api:ExecutionTimeout"] = "00:00:00.050" })
        {
            DecorateStore = inner => new CountingGraphStore(inner) { Slow = nameof(CountingGraphStore.SearchAsync) },
        };

        var (response, body) = await PostAsync(factory.CreateClient(), """{ search(text: "cert") { totalCount } }""");

        Assert.Equal((HttpStatusCode.GatewayTimeout, "TIMEOUT"), (response.StatusCode, ErrorCode(body)));
    }

    [Fact]
    public async Task A_cached_document_is_still_checked_by_the_transport_rules()
    {
        await using var factory = new ApiFactory(TwoKeys());
        var client = factory.CreateClient();
        const string mutation = """mutation { addActorAlias(actor: "jpn", alias: "Nippon") { who } }""";

        var (first, _) = await PostAsync(client, mutation, apiKey: Writer);
        var (second, secondBody) = await PostAsync(client, mutation);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (second.StatusCode, ErrorCode(secondBody)));
    }

    [Fact]
    public async Task Keys_can_be_required_for_reads_too()
    {
        await using var factory = new ApiFactory(TwoKeys(new() { ["Api:ReadsNeedKey"] = "true" }));
        var client = factory.CreateClient();

        var (anonymous, body) = await PostAsync(client, "{ __typename }");
        var (reader, _) = await PostAsync(client, "{ __typename }", apiKey: Reader);
        var (_, misspelt) = await PostAsync(client, "{ statistic { x } }");

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.StatusCode, ErrorCode(body)));
        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        // Refused, the caller learns nothing of the schema: no "Did you mean 'statistics'?".
        Assert.Single(misspelt["errors"]!.AsArray());
        Assert.Equal("UNAUTHENTICATED", ErrorCode(misspelt));
    }

    [Fact]
    public async Task Listening_beyond_loopback_without_a_write_key_refuses_to_start_naming_the_setting()
    {
        await using var factory = new ApiFactory(new() { ["urls"] = "http://0.0.0.0:8080" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Api:Keys", error.Message, StringComparison.Ordinal);
        Assert.Contains("beyond loopback", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080", "http://0.0.0.0:8080")]
    [InlineData("http_ports", "8080;8081", "http://*:8080;http://*:8081")]
    [InlineData("https_ports", "8443", "https://*:8443")]
    [InlineData("other", "x", ListenAddresses.Default)]
    public void The_listen_addresses_are_read_as_kestrel_reads_them(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Equal(expected, string.Join(';', ListenAddresses.From(configuration)));
        Assert.Equal(key != "other", ListenAddresses.Configured(configuration));
    }

    [Fact]
    public void Urls_outrank_ports_as_in_kestrel()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:5000", ["http_ports"] = "8080" }).Build();

        Assert.Equal(["http://127.0.0.1:5000"], ListenAddresses.From(configuration));
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://127.0.0.1:5080;http://*:5081", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("https://api.example.org", false)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080;http://[::1]:5081", true)]
    public void Only_loopback_addresses_count_as_loopback(string urls, bool loopback)
    {
        Assert.Equal(loopback, ListenAddresses.AllLoopback(urls.Split(';')));
    }

    [Fact]
    public async Task Listening_beyond_loopback_with_a_write_key_starts()
    {
        await using var factory = new ApiFactory(TwoKeys(new() { ["urls"] = "http://0.0.0.0:8080" }));

        var (response, _) = await PostAsync(factory.CreateClient(), "{ __typename }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Api:Keys:0:Key", "short", "at least 16 characters")]
    [InlineData("Api:Keys:0:Scopes:0", "delete", "unknown scope 'delete'")]
    [InlineData("Api:CorsOrigins:0", "not an origin", "Api:CorsOrigins")]
    [InlineData("Api:ExecutionTimeout", "00:00:00", "Api:ExecutionTimeout")]
    public async Task Bad_api_settings_stop_the_start_with_a_message_naming_them(string key, string value, string message)
    {
        await using var factory = new ApiFactory(TwoKeys(new() { [key] = value }));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_follows_its_setting()
    {
        await using var open = new ApiFactory();
        await using var closed = new ApiFactory(new() { ["Api:Introspection"] = "false" });
        const string query = "{ __schema { queryType { name } } }";

        var (_, allowed) = await PostAsync(open.CreateClient(), query);
        var (refused, refusedBody) = await PostAsync(closed.CreateClient(), query);

        Assert.Equal("Query", allowed["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("NO_INTROSPECTION", ErrorCode(refusedBody));
    }

    [Fact]
    public async Task Too_deep_a_query_is_refused_before_it_runs()
    {
        await using var factory = new ApiFactory(new() { ["Api:MaxDepth"] = "3" });

        var (response, body) = await PostAsync(factory.CreateClient(), "{ positions { nodes { actor { positions { nodes { id } } } } } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(ErrorCode(body));
    }

    [Theory]
    [InlineData(1_000, 1)] // a chain of 1,000 fragments: it overflowed the stack in validation and killed the process
    [InlineData(24, 2)] // each fragment spreads the next two: 2^24 fields once expanded
    public async Task Fragments_nested_too_deep_are_refused_before_validation(int length, int fanOut)
    {
        await using var factory = new ApiFactory();
        var fragments = string.Join(' ', Enumerable.Range(0, length).Select(i =>
            $"fragment F{i} on Query {{ {string.Join(' ', Enumerable.Range(0, fanOut).Select(_ => $"...F{i + 1}"))} }}"));
        var query = $"query {{ ...F0 }} {fragments} fragment F{length} on Query {{ __typename }}";

        var (response, body) = await PostAsync(factory.CreateClient(), query);

        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX"), (response.StatusCode, ErrorCode(body)));
        Assert.Contains("nest more than 16 deep", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_of_more_fields_than_the_limit_is_refused_before_validation()
    {
        await using var factory = new ApiFactory(new() { ["Api:MaxFields"] = "100" });
        var client = factory.CreateClient();
        string Repeated(int count) => "{" + string.Concat(Enumerable.Repeat(" norm(id: \"gge-13j\") { id }", count)) + " }";
        const string Expanded = "query { ...A ...B } fragment A on Query { norm(id: \"gge-13j\") { id name } } fragment B on Query { ...A ...A }";

        var (within, _) = await PostAsync(client, Repeated(50));
        var (beyond, body) = await PostAsync(client, Repeated(51));
        var (small, _) = await PostAsync(client, Expanded);

        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "QUERY_TOO_COMPLEX"), (beyond.StatusCode, ErrorCode(body)));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task A_report_s_text_counts_so_much_that_a_request_reads_at_most_twenty()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var (twenty, _) = await PostAsync(client, "{ reports(first: 20) { nodes { text } } }");
        var (more, body) = await PostAsync(client, "{ a: reports(first: 20) { nodes { text } } b: reports(first: 1) { nodes { text } } }");

        Assert.Equal(HttpStatusCode.OK, twenty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, more.StatusCode);
        Assert.Contains("complexity", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    // Each aggregates the statements of the whole graph (0.1 s at 2,000 reports): 100 aliases in a 4 KB request held the
    // server for 11 s, and the rate limit counts requests, not aliases.
    [Theory]
    [InlineData("graphView(limit: 1000) { truncated }")]
    [InlineData("statistics(from: \"2020-01-01\") { periods { period } }")]
    public async Task A_whole_graph_aggregate_counts_so_much_that_a_request_asks_for_at_most_twenty(string field)
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        string Aliased(int count) => "{ " + string.Join(" ", Enumerable.Range(0, count).Select(i => $"a{i}: {field}")) + " }";

        var (twenty, _) = await PostAsync(client, Aliased(20));
        var (more, body) = await PostAsync(client, Aliased(21));

        Assert.Equal(HttpStatusCode.OK, twenty.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "COMPLEXITY"), (more.StatusCode, ErrorCode(body)));
    }

    [Fact]
    public async Task When_reads_need_a_key_the_graph_view_and_the_schema_need_one_too()
    {
        await using var factory = new ApiFactory(TwoKeys(new() { ["Api:ReadsNeedKey"] = "true" }));
        var client = factory.CreateClient();

        async Task<HttpStatusCode> GetAsync(string url, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (key is not null)
            {
                request.Headers.Add(ApiKeyRing.Header, key);
            }
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized],
            [
                await GetAsync("/api/graph-view?focus=gge-13j", null), await GetAsync("/api/graph-view?focus=gge-13j", Reader),
                await GetAsync("/schema.graphql", null), await GetAsync("/schema.graphql", Reader), await GetAsync("/schema.graphql", "not-a-key-of-anyone"),
            ]);
    }

    [Fact]
    public async Task When_reads_need_a_key_no_shared_cache_may_keep_a_graph_view_for_callers_without_one()
    {
        await using var factory = new ApiFactory(TwoKeys(new() { ["Api:ReadsNeedKey"] = "true" }));
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/graph-view?focus=gge-13j");
        request.Headers.Add(ApiKeyRing.Header, Reader);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // "public" let a reverse proxy or CDN store the keyed answer and hand it to anyone for max-age seconds.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((false, true, TimeSpan.FromSeconds(30)),
            (response.Headers.CacheControl!.Public, response.Headers.CacheControl.Private, response.Headers.CacheControl.MaxAge));
    }

    [Fact]
    public async Task Without_introspection_the_schema_file_is_not_served()
    {
        await using var factory = new ApiFactory(new() { ["Api:Introspection"] = "false" });

        using var response = await factory.CreateClient().GetAsync("/schema.graphql", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_default_depth_limit_lets_graphiqls_15_level_introspection_through()
    {
        await using var factory = new ApiFactory();
        // The type-reference chain of GraphiQL's introspection query: 15 levels down to the innermost name.
        const string query = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } }";

        var (response, body) = await PostAsync(factory.CreateClient(), query);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Null(ErrorCode(body));
    }

    [Fact]
    public async Task Introspection_does_not_count_against_the_complexity_limit_but_a_query_does()
    {
        await using var factory = new ApiFactory(new() { ["Api:MaxComplexity"] = "10" });
        var client = factory.CreateClient();
        const string introspection = "{ __schema { types { name fields { name args { name } type { name ofType { name } } } } } }";

        var (allowed, allowedBody) = await PostAsync(client, introspection);
        var (refused, refusedBody) = await PostAsync(client, "{ positions(first: 50) { nodes { id stance actor { id name } } } }");

        Assert.True(allowed.StatusCode == HttpStatusCode.OK, allowedBody.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("COMPLEXITY", ErrorCode(refusedBody));
    }

    [Fact]
    public async Task A_cached_document_is_held_to_the_complexity_limit_for_every_set_of_variables()
    {
        await using var factory = new ApiFactory(new() { ["Api:MaxComplexity"] = "1000" });
        var client = factory.CreateClient();
        await SubmitBothAsync(client, apiKey: null);
        const string nested = "query ($n: Int) { positions(first: $n) { nodes { actor { positions(first: $n) { nodes { id } } } } } }";

        var (cheap, cheapBody) = await PostAsync(client, nested, new { n = 1 });
        var (costly, costlyBody) = await PostAsync(client, nested, new { n = 100 });
        var (cheapAgain, _) = await PostAsync(client, nested, new { n = 1 });

        Assert.True(cheap.StatusCode == HttpStatusCode.OK, cheapBody.ToJsonString());
        Assert.Equal((HttpStatusCode.BadRequest, "COMPLEXITY"), (costly.StatusCode, ErrorCode(costlyBody)));
        Assert.Equal(HttpStatusCode.OK, cheapAgain.StatusCode);
    }

    [Fact]
    public async Task Each_operation_of_a_cached_document_is_held_to_the_complexity_limit()
    {
        await using var factory = new ApiFactory(new() { ["Api:MaxComplexity"] = "10" });
        var client = factory.CreateClient();
        const string document = "query Cheap { __typename } query Costly { positions(first: 50) { nodes { id stance actor { id name } } } }";

        var (cheap, cheapBody) = await PostAsync(client, document, operationName: "Cheap");
        var (costly, costlyBody) = await PostAsync(client, document, operationName: "Costly");

        Assert.True(cheap.StatusCode == HttpStatusCode.OK, cheapBody.ToJsonString());
        Assert.Equal((HttpStatusCode.BadRequest, "COMPLEXITY"), (costly.StatusCode, ErrorCode(costlyBody)));
    }

    [Fact]
    public async Task Beyond_the_rate_limit_a_caller_gets_429_with_retry_after()
    {
        await using var factory = new ApiFactory(new() { ["Api:RateLimitPermits"] = "2", ["Api:RateLimitWindow"] = "00:01:00" });
        var client = factory.CreateClient();

        await PostAsync(client, "{ __typename }");
        await PostAsync(client, "{ __typename }");
        var (limited, body) = await PostAsync(client, "{ __typename }");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/graphql-response+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After should say how long to wait");
        Assert.Equal("RATE_LIMITED", ErrorCode(body));
    }

    [Fact]
    public async Task Each_key_has_its_own_rate_limit()
    {
        await using var factory = new ApiFactory(TwoKeys(new() { ["Api:RateLimitPermits"] = "1" }));
        var client = factory.CreateClient();

        var (first, _) = await PostAsync(client, "{ __typename }");
        var (anonymousAgain, _) = await PostAsync(client, "{ __typename }");
        var (withKey, _) = await PostAsync(client, "{ __typename }", apiKey: Reader);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (first.StatusCode, anonymousAgain.StatusCode, withKey.StatusCode));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_rate_limit(bool trusted)
    {
        Dictionary<string, string?> settings = new() { ["Api:RateLimitPermits"] = "1" };
        if (trusted)
        {
            settings["Api:TrustedProxies:0"] = "10.0.0.0/8";
        }
        await using var factory = new ApiFactory(settings) { RemoteAddress = "10.1.2.3" };
        HttpClient ClientOf(string address)
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client;
        }

        var (first, _) = await PostAsync(ClientOf("203.0.113.1"), "{ __typename }");
        var (other, _) = await PostAsync(ClientOf("203.0.113.2"), "{ __typename }");
        var (firstAgain, _) = await PostAsync(ClientOf("203.0.113.1"), "{ __typename }");

        // Untrusted, the header is ignored: both clients are the proxy's one address and share its limit.
        Assert.Equal(
            (HttpStatusCode.OK, trusted ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests),
            (first.StatusCode, other.StatusCode, firstAgain.StatusCode));
    }

    [Fact]
    public async Task An_ipv6_client_has_one_rate_limit_for_its_whole_64_network_and_a_mapped_ipv4_client_its_ipv4_one()
    {
        await using var factory = new ApiFactory(new() { ["Api:RateLimitPermits"] = "1", ["Api:TrustedProxies:0"] = "10.0.0.0/8" }) { RemoteAddress = "10.1.2.3" };
        async Task<HttpStatusCode> StatusFromAsync(string address)
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return (await PostAsync(client, "{ __typename }")).Response.StatusCode;
        }

        // One host holds a /64 (2^64 addresses, privacy addresses change by themselves): each was a fresh limit.
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("2001:db8:1:2::1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusFromAsync("2001:db8:1:2:ffff:ffff:ffff:9"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("2001:db8:1:3::1"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusFromAsync("::ffff:203.0.113.7"));
    }

    [Fact]
    public async Task A_missing_or_unknown_key_is_refused_alike_by_graphql_and_the_plain_reads()
    {
        // Every known key can read (a key needs a scope, and scopes nest), so these two are the refusals both paths share.
        await using var factory = new ApiFactory(TwoKeys(new() { ["Api:ReadsNeedKey"] = "true" }));
        var client = factory.CreateClient();
        async Task<(HttpStatusCode, string?, string)> ViewAsync(string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/graph-view?focus=gge-13j");
            if (key is not null)
            {
                request.Headers.Add(ApiKeyRing.Header, key);
            }
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await ReadAsync(response);
            return (response.StatusCode, ErrorCode(body), body["errors"]![0]!["message"]!.GetValue<string>());
        }
        async Task<(HttpStatusCode, string?, string)> QueryAsync(string? key)
        {
            var (response, body) = await PostAsync(client, "{ __typename }", apiKey: key);
            return (response.StatusCode, ErrorCode(body), body["errors"]![0]!["message"]!.GetValue<string>());
        }

        var (viewNone, viewUnknown) = (await ViewAsync(null), await ViewAsync("not-a-key-of-anyone"));
        var (queryNone, queryUnknown) = (await QueryAsync(null), await QueryAsync("not-a-key-of-anyone"));

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (viewNone.Item1, viewNone.Item2));
        Assert.Equal((viewNone.Item1, viewNone.Item2), (queryNone.Item1, queryNone.Item2));
        Assert.Equal(viewUnknown, queryUnknown);
    }

    [Fact]
    public async Task Cors_allows_the_configured_origins_only()
    {
        await using var factory = new ApiFactory(new() { ["Api:CorsOrigins:0"] = "https://dashboards.example.org" });
        var client = factory.CreateClient();

        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,x-api-key");
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        var allowed = await PreflightAsync("https://dashboards.example.org");
        var other = await PreflightAsync("https://elsewhere.example.com");

        Assert.Equal("https://dashboards.example.org", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Without_keys_on_loopback_mutations_stay_open_and_are_recorded_as_local()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var (_, body) = await PostAsync(client, """mutation { setActorType(actor: "access-now", type: PRIVATE_SECTOR) { who before after } }""");

        Assert.Equal("""{"who":"local","before":"civil_society","after":"private_sector"}""", body["data"]!["setActorType"]!.ToJsonString());
    }

    [Fact]
    public async Task Curation_errors_carry_codes()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await SubmitBothAsync(client);
        var (_, positions) = await PostAsync(client, """{ positions(first: 1) { nodes { id } } }""");
        var id = positions["data"]!["positions"]!["nodes"]![0]!["id"]!.GetValue<string>();

        var (_, missing) = await PostAsync(client, """mutation { confirmStatement(id: "nope") { who } }""");
        var (_, badTarget) = await PostAsync(client, "mutation ($id: ID!) { setStatementTarget(id: $id, target: \"gge-99\") { who } }", new { id });
        var (_, self) = await PostAsync(client, """mutation { mergeActors(actor: "jpn", into: "jpn") { who } }""");
        var (_, emptyTarget) = await PostAsync(client, "mutation ($id: ID!) { setStatementTarget(id: $id, target: \"\") { who } }", new { id });
        var (_, longAlias) = await PostAsync(client, "mutation ($alias: String!) { addActorAlias(actor: \"jpn\", alias: $alias) { who } }",
            new { alias = new string('x', 201) });
        var (_, twoLines) = await PostAsync(client, "mutation { addActorAlias(actor: \"jpn\", alias: \"Nippon\\nfail: forged\") { who } }");
        var (_, badCursor) = await PostAsync(client, "query ($after: String) { who(norm: \"gge-13j\", after: $after) { totalCount } }",
            new { after = new string('!', 5_000) });
        var (_, badStancesCursor) = await PostAsync(client, "query ($after: String) { actor(id: \"jpn\") { stances(after: $after) { totalCount } } }",
            new { after = "bm90IGEgY3Vyc29y" });

        Assert.Equal("NOT_FOUND", ErrorCode(missing));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(badTarget));
        Assert.Equal("BAD_USER_INPUT", ErrorCode(self));
        Assert.DoesNotContain("   at ", self.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(("BAD_USER_INPUT", "Give the id of the norm, principle or proposal the statement speaks to."),
            (ErrorCode(emptyTarget), emptyTarget["errors"]![0]!["message"]!.GetValue<string>()));
        Assert.Equal(("BAD_USER_INPUT", "BAD_USER_INPUT"), (ErrorCode(longAlias), ErrorCode(twoLines)));
        var cursorMessage = badCursor["errors"]![0]!["message"]!.GetValue<string>();
        Assert.Equal("BAD_USER_INPUT", ErrorCode(badCursor));
        Assert.True(cursorMessage.Length < 100 && !cursorMessage.Contains("(Parameter", StringComparison.Ordinal), cursorMessage);
        // An actor's later page of stances is a store call of its own, outside the batch: its bad cursor is the caller's error too.
        Assert.Equal("BAD_USER_INPUT", ErrorCode(badStancesCursor));
    }

    [Fact]
    public async Task A_merged_actor_s_old_id_answers_with_the_surviving_actor()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await SubmitBothAsync(client);

        await PostAsync(client, """mutation { mergeActors(actor: "access-now", into: "chl") { who } }""");
        var (_, body) = await PostAsync(client, """{ actor(id: "access-now") { id aliases stances { totalCount } } }""");

        Assert.Equal("chl", body["data"]!["actor"]!["id"]!.GetValue<string>());
        Assert.Contains("Access Now", body["data"]!["actor"]!["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(4, body["data"]!["actor"]!["stances"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_get_mutation_is_405_with_allow_post()
    {
        await using var factory = new ApiFactory();
        var response = await factory.CreateClient().GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { confirmStatement(id: \"x\") { who } }"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        Assert.Equal("METHOD_NOT_ALLOWED", ErrorCode(await ReadAsync(response)));
    }
}
