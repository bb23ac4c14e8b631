using System.Net;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL;

public sealed class SubmitReportTests
{
    private static async Task<int> ReportCountAsync(HttpClient client)
    {
        var (_, body) = await PostAsync(client, "{ positions { totalCount } }");
        return body["data"]!["positions"]!["totalCount"]!.GetValue<int>();
    }

    [Theory]
    [InlineData("", "EMPTY_REPORT")]
    [InlineData("   \n  ", "EMPTY_REPORT")]
    [InlineData("Title\n\n12 Feb 2020", "EMPTY_REPORT")]
    [InlineData("PK\u0003\u0004\u0000\u0000binary", "BINARY_CONTENT")]
    public async Task Bad_reports_are_refused_with_a_code_and_nothing_is_stored(string text, string code)
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var (response, body) = await SubmitAsync(client, text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, ErrorCode(body));
        Assert.Equal(0, await ReportCountAsync(client));
    }

    [Fact]
    public async Task An_oversized_report_is_refused()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var (_, body) = await SubmitAsync(client, SampleReport + new string('x', 25_000));

        Assert.Equal("REPORT_TOO_LARGE", ErrorCode(body));
        Assert.Equal(0, await ReportCountAsync(client));
    }

    [Fact]
    public async Task The_same_report_twice_is_unchanged()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        await SubmitAsync(client, SampleReport);
        var (_, body) = await SubmitAsync(client, SampleReport);

        Assert.Equal("UNCHANGED", body["data"]!["submitReport"]!["outcome"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_source_names_no_document_so_one_report_does_not_replace_another(string source)
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();

        var (_, first) = await SubmitAsync(client, SampleReport, source);
        var (_, second) = await SubmitAsync(client, SecondReport, source);
        var (_, named) = await SubmitAsync(client, SampleReport.Replace("Japan", "Chile", StringComparison.Ordinal), " consultations.txt ");
        var (_, renamed) = await SubmitAsync(client, SampleReport.Replace("Japan", "Brazil", StringComparison.Ordinal), "consultations.txt");
        var (_, reports) = await PostAsync(client, "{ reports { totalCount } }");

        Assert.Equal(["INGESTED", "INGESTED", "INGESTED", "REPLACED"],
            new[] { first, second, named, renamed }.Select(b => b["data"]!["submitReport"]!["outcome"]!.GetValue<string>()));
        Assert.Equal(3, reports["data"]!["reports"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task With_an_api_key_configured_mutations_need_it()
    {
        await using var factory = new ApiFactory(new() { ["Api:ApiKey"] = "s3cret-key-of-16-chars" });
        var client = factory.CreateClient();

        var (_, without) = await SubmitAsync(client, SampleReport);
        var (_, wrong) = await SubmitAsync(client, SampleReport, apiKey: "guess");
        var (_, right) = await SubmitAsync(client, SampleReport, apiKey: "s3cret-key-of-16-chars");

        Assert.Equal("UNAUTHENTICATED", ErrorCode(without));
        Assert.Equal("UNAUTHENTICATED", ErrorCode(wrong));
        Assert.Null(right["errors"]);
        Assert.Equal("INGESTED", right["data"]!["submitReport"]!["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rejected_statement_leaves_the_answers()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        await SubmitAsync(client, SampleReport);
        var (_, before) = await PostAsync(client, """{ positions(actor: "jpn") { totalCount nodes { id } } }""");
        var id = before["data"]!["positions"]!["nodes"]![0]!["id"]!.GetValue<string>();
        var count = before["data"]!["positions"]!["totalCount"]!.GetValue<int>();

        var (_, rejected) = await PostAsync(client, "mutation ($id: ID!) { setStatementStatus(id: $id, status: REJECTED) }", new { id });
        var (_, after) = await PostAsync(client, """{ positions(actor: "jpn") { totalCount } }""");
        var (_, missing) = await PostAsync(client, """mutation { setStatementStatus(id: "s-none", status: CONFIRMED) }""");

        Assert.True(rejected["data"]!["setStatementStatus"]!.GetValue<bool>());
        Assert.Equal(count - 1, after["data"]!["positions"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("NOT_FOUND", ErrorCode(missing));
    }
}
