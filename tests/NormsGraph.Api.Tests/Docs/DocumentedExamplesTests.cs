using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.Tests.Browser;
using NormsGraph.Embeddings;

namespace NormsGraph.Api.Tests.Docs;

/// <summary>
/// README.md and docs/api.md promise real answers of a fresh store on the sample reports. Each example (a ```graphql
/// block with its variables, or a ```sh block that posts one with curl) is run, in order, against such a store and
/// its answer compared with the ```json block after it, so an extractor or API change cannot leave them stale.
/// tools/docs/check_api_examples.py rewrites them.
/// </summary>
public sealed partial class DocumentedExamplesTests
{
    private const string CuratorKey = "change-me-curator-key";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/api.md")]
    public async Task Every_documented_example_answers_as_documented(string path)
    {
        await using var api = await LiveApi.StartAsync(new()
        {
            ["Api:Keys:0:Name"] = "curator",
            ["Api:Keys:0:Key"] = CuratorKey,
            ["Api:Keys:0:Scopes:0"] = "write",
            ["Matching:Semantic"] = "true", // the README's linking example shows the closest wording by meaning
        });
        // As on a service that has run a while: every stored statement has its vector (the background indexer's
        // work), so the linking example's similar statements do not depend on how fast the test reached it.
        await api.Services.GetRequiredService<StatementVectorIndexer>().IndexPendingAsync(Ct);
        using var client = api.CreateClient();
        var examples = Examples(File.ReadAllText(RepositoryRoot.Combine(path.Split('/')))).ToList();
        Assert.NotEmpty(examples);
        var stale = new List<string>();
        foreach (var (line, query, variables, documented) in examples)
        {
            var actual = await PostAsync(client, query, variables);
            if (!JsonNode.DeepEquals(actual, documented))
            {
                stale.Add($"{path}:{line}: documented {documented.ToJsonString()[..Math.Min(200, documented.ToJsonString().Length)]}…\n  actual {actual?.ToJsonString()}");
            }
        }
        Assert.True(stale.Count == 0, string.Join("\n", stale) + "\n(re-run the examples: tools/docs/check_api_examples.py --write)");
    }

    private static async Task<JsonNode?> PostAsync(HttpClient client, string query, JsonNode? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (query.TrimStart().StartsWith("mutation", StringComparison.Ordinal))
        {
            request.Headers.Add("X-Api-Key", CuratorKey);
        }
        using var response = await client.SendAsync(request, Ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    // Each request block followed by a ```json block: its line, query, variables and documented answer.
    private static IEnumerable<(int Line, string Query, JsonNode? Variables, JsonNode Answer)> Examples(string text)
    {
        var blocks = Fence().Matches(text).ToList();
        for (var i = 0; i + 1 < blocks.Count; i++)
        {
            var (kind, body) = (blocks[i].Groups["kind"].Value, blocks[i].Groups["body"].Value);
            if (blocks[i + 1].Groups["kind"].Value != "json")
            {
                continue;
            }
            var between = text[(blocks[i].Index + blocks[i].Length)..blocks[i + 1].Index];
            (string Query, JsonNode? Variables)? request = kind switch
            {
                "graphql" => (body, Variables().Match(between) is { Success: true } v ? JsonNode.Parse(v.Groups["json"].Value) : null),
                "sh" when CurlBody().Match(body) is { Success: true } posted && JsonNode.Parse(posted.Groups["json"].Value) is JsonObject payload
                    => (payload["query"]!.GetValue<string>(), payload["variables"]),
                _ => null,
            };
            if (request is { } found)
            {
                yield return (text[..blocks[i].Index].Count(c => c == '\n') + 1, found.Query, found.Variables, JsonNode.Parse(blocks[i + 1].Groups["body"].Value)!);
            }
        }
    }

    [GeneratedRegex(@"^```(?<kind>\w*)\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"variables `(?<json>\{.*?\})`")]
    private static partial Regex Variables();

    [GeneratedRegex(@"curl .*?/graphql.*?-d '(?<json>\{.*\})'", RegexOptions.Singleline)]
    private static partial Regex CurlBody();
}
