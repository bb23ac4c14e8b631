using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.Http;

/// <summary>The GraphQL-over-HTTP surface: methods, media types and every kind of bad request.</summary>
public sealed class GraphQLHttpTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_json_is_a_400_with_a_code()
    {
        using var content = new StringContent("{\"query\": ", Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/graphql", content, Ct);
        var body = await ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_JSON", ErrorCode(body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"query\": \"{ __typename }~\"}")]
    public async Task An_empty_body_or_one_that_is_not_utf8_is_invalid_json_in_our_words(string json)
    {
        // '~' stands for a byte that is never UTF-8.
        using var content = new ByteArrayContent([.. Encoding.UTF8.GetBytes(json).Select(b => b == (byte)'~' ? (byte)0xff : b)]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var response = await _client.PostAsync("/graphql", content, Ct);
        var body = await ReadAsync(response);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_JSON"), (response.StatusCode, ErrorCode(body)));
        Assert.Matches(@"^The request body is not valid JSON \(line \d+, byte \d+\)\.$", body["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("[]", "INVALID_REQUEST")]
    [InlineData("\"x\"", "INVALID_REQUEST")]
    [InlineData("{", "INVALID_JSON")]
    public async Task Get_variables_that_are_not_a_json_object_are_refused_without_naming_dotnet_types(string variables, string code)
    {
        var response = await _client.GetAsync($"/graphql?query=%7B__typename%7D&variables={Uri.EscapeDataString(variables)}", Ct);
        var body = await ReadAsync(response);

        Assert.Equal((HttpStatusCode.BadRequest, code), (response.StatusCode, ErrorCode(body)));
        Assert.DoesNotContain("GraphQL.", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_positions_cursor_is_a_user_error_without_dotnet_parameter_names()
    {
        var (_, body) = await PostAsync(_client, """{ positions(after: "fA==") { totalCount } }""");

        Assert.Equal("BAD_USER_INPUT", ErrorCode(body));
        Assert.DoesNotContain("(Parameter", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"query\": \"{ __typename }\"}]")]
    [InlineData("\"hello\"")]
    [InlineData("{\"query\": 123}")]
    [InlineData("null")]
    public async Task Valid_json_of_the_wrong_shape_is_a_400_that_says_what_the_body_must_be(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/graphql", content, Ct);
        var body = await ReadAsync(response);

        Assert.Equal((HttpStatusCode.BadRequest, "INVALID_REQUEST"), (response.StatusCode, ErrorCode(body)));
        Assert.DoesNotContain("GraphQL.Transport", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_a_query_is_a_400()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await _client.PostAsync("/graphql", content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MISSING_QUERY", ErrorCode(await ReadAsync(response)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unsupported_media_type()
    {
        using var content = new StringContent("{ norm(id: \"gge-13a\") { id } }", Encoding.UTF8, "text/plain");
        var response = await _client.PostAsync("/graphql", content, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_field_is_a_request_error_400_with_the_new_media_type()
    {
        var (response, body) = await PostAsync(_client, "{ norm(id: \"gge-13a\") { id shoeSize } }");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        Assert.Contains("shoeSize", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(body["errors"]![0]!["locations"]);
    }

    [Fact]
    public async Task An_unknown_field_is_200_with_errors_for_legacy_json_clients()
    {
        var (response, body) = await PostAsync(_client, "{ norm(id: \"gge-13a\") { shoeSize } }", accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task A_syntax_error_is_reported_in_the_spec_shape()
    {
        var (response, body) = await PostAsync(_client, "{ norm(id: ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task Queries_work_over_get_but_mutations_do_not()
    {
        var query = Uri.EscapeDataString("{ norm(id: \"gge-13j\") { id name } }");
        var get = await _client.GetAsync($"/graphql?query={query}", Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("gge-13j", (await ReadAsync(get))["data"]!["norm"]!["id"]!.GetValue<string>());

        var mutation = Uri.EscapeDataString("mutation { setStatementStatus(id: \"x\", status: CONFIRMED) }");
        var refused = await _client.GetAsync($"/graphql?query={mutation}", Ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Equal("POST", refused.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task An_unacceptable_accept_header_is_406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        // text/html is no longer unacceptable: a browser asking for it gets GraphiQL (WebPageTests).
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        var response = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json;q=0")]
    [InlineData("application/graphql-response+json;q=0, application/json;q=0")]
    public async Task A_media_type_refused_with_q_0_is_not_answered_in(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await _client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Variables_of_the_wrong_type_are_a_request_error()
    {
        var (response, body) = await PostAsync(_client, "query ($n: Int) { positions(first: $n) { totalCount } }", new { n = "many" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task A_subscription_is_a_request_error_not_an_internal_one()
    {
        var (response, body) = await PostAsync(_client, "subscription { x }");

        Assert.Equal((HttpStatusCode.BadRequest, "SUBSCRIPTIONS_NOT_SUPPORTED"), (response.StatusCode, ErrorCode(body)));
    }

    [Fact]
    public async Task An_out_of_range_page_size_is_a_user_error_not_a_crash()
    {
        var (response, body) = await PostAsync(_client, "{ positions(first: 100000) { totalCount } }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", ErrorCode(body));
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live", Ct)).StatusCode);
        var ready = await _client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("store", await ready.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("203.0.113.7", false)]
    public void Health_details_such_as_the_store_path_go_to_callers_on_this_machine_only(string address, bool detailed)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);

        Assert.Equal(detailed, NormsGraph.Api.Health.HealthEndpointRouteBuilderExtensions.ShowsDetails(http));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("X-Forwarded-For", "unknown")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    public void Health_details_are_not_shown_through_a_proxy_on_this_machine(string header, string value)
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        http.Request.Headers[header] = value;

        Assert.False(NormsGraph.Api.Health.HealthEndpointRouteBuilderExtensions.ShowsDetails(http));
    }
}
