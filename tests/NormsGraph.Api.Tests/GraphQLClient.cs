using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NormsGraph.Api.Tests;

/// <summary>Posts GraphQL requests the way a dashboard would and returns status and parsed body.</summary>
internal static class GraphQLClient
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(
        HttpClient client, string query, object? variables = null, string accept = GraphQLResponse, string? apiKey = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, await ReadAsync(response));
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
        ?? throw new JsonException("empty body");

    public static string? ErrorCode(JsonNode body, int index = 0) => body["errors"]?[index]?["extensions"]?["code"]?.GetValue<string>();

    public const string SubmitMutation = """
        mutation Submit($input: SubmitReportInput!) {
          submitReport(input: $input) { reportId outcome actorCount positionCount report { title date } }
        }
        """;

    public const string SampleReport = """
        Informal consultations on responsible behaviour

        12 Feb 2020 10:00h - 12:00h

        Event report

        Access Now stressed that governments should support the responsible disclosure of vulnerabilities by security researchers.

        Japan reiterated that international law, including the UN Charter, applies in cyberspace. Chile welcomed the point of contact directory as a confidence-building measure.
        """;

    /// <summary>A year later: Chile on international law, Japan on vulnerability reporting, Access Now on researchers.</summary>
    public const string SecondReport = """
        Second informal consultations on responsible behaviour

        3 Mar 2021 10:00h - 12:00h

        Event report

        Chile stressed that international law, including the UN Charter, applies in cyberspace.

        Japan called for the responsible reporting of ICT vulnerabilities. Access Now urged states to protect security researchers from prosecution.
        """;

    public static async Task SubmitBothAsync(HttpClient client, string? apiKey = null)
    {
        foreach (var (text, source) in new[] { (SampleReport, "consultations.txt"), (SecondReport, "second.txt") })
        {
            var (_, body) = await SubmitAsync(client, text, source, apiKey);
            if (body["errors"] is not null)
            {
                throw new InvalidOperationException(body.ToJsonString());
            }
        }
    }

    public static JsonNode Data(JsonNode body) =>
        body["errors"] is null ? body["data"]! : throw new InvalidOperationException("GraphQL errors: " + body["errors"]!.ToJsonString());

    public static Task<(HttpResponseMessage Response, JsonNode Body)> SubmitAsync(HttpClient client, string text, string? source = "consultations.txt", string? apiKey = null) =>
        PostAsync(client, SubmitMutation, new { input = new { text, source } }, apiKey: apiKey);
}
