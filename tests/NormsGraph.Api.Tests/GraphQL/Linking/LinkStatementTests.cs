using System.Net;
using System.Text.Json.Nodes;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL.Linking;

public sealed class LinkStatementTests
{
    private const string LinkQuery = """
        query Link($text: String!, $top: Int, $speaker: ID) {
          linkStatement(text: $text, top: $top, speaker: $speaker) {
            target { id name kind }
            score
            speakerStatements
            why { phrases terms closestWording similarity similar { statement evidence status actor { id name } report { title } } }
          }
        }
        """;

    private static async Task<JsonNode> LinkAsync(HttpClient client, string text, int? top = null, string? speaker = null)
    {
        var (response, body) = await PostAsync(client, LinkQuery, new { text, top, speaker });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }

    [Fact]
    public async Task A_statement_is_linked_best_first_with_scores_and_the_phrases_that_matched()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var body = await LinkAsync(client, "We call on all states to respect the protection of CERTs and incident response teams.", top: 3);

        var matches = body["data"]!["linkStatement"]!.AsArray();
        Assert.Equal(3, matches.Count);
        Assert.Equal("gge-13k", matches[0]!["target"]!["id"]!.GetValue<string>());
        Assert.Equal("NORM", matches[0]!["target"]!["kind"]!.GetValue<string>());
        Assert.Contains("protection of CERTs", matches[0]!["why"]!["phrases"]!.AsArray().Select(p => p!.GetValue<string>()));
        var scores = matches.Select(m => m!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.Null(matches[0]!["speakerStatements"]);
    }

    [Fact]
    public async Task Stored_statements_are_shown_as_similar_and_the_speakers_earlier_statements_are_counted()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        await SubmitAsync(client, SampleReport);

        var body = await LinkAsync(client, "Japan reiterated that international law, including the Charter, applies to state conduct in cyberspace.", top: 1, speaker: "jpn");

        var best = body["data"]!["linkStatement"]![0]!;
        Assert.Equal("p-intl-law", best["target"]!["id"]!.GetValue<string>());
        Assert.Equal(1, best["speakerStatements"]!.GetValue<int>());
        var similar = Assert.Single(best["why"]!["similar"]!.AsArray())!;
        Assert.Equal("jpn", similar["actor"]!["id"]!.GetValue<string>());
        Assert.Equal("EXTRACTED", similar["status"]!.GetValue<string>());
        Assert.Equal("Informal consultations on responsible behaviour", similar["report"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("   ", 5, null, "EMPTY_STATEMENT")]
    [InlineData("\u200B\u200B … ?!", 5, null, "EMPTY_STATEMENT")]
    [InlineData("International law applies.", 0, null, "BAD_USER_INPUT")]
    [InlineData("International law applies.", 51, null, "BAD_USER_INPUT")]
    [InlineData("International law applies.", 5, "nobody", "UNKNOWN_SPEAKER")]
    public async Task Bad_requests_are_errors_with_a_code(string text, int top, string? speaker, string code)
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var body = await LinkAsync(client, text, top, speaker);

        Assert.Equal(code, ErrorCode(body));
    }

    [Fact]
    public async Task An_oversized_statement_is_refused()
    {
        await using var factory = new ApiFactory(new() { ["Linking:MaxStatementChars"] = "100" });
        using var client = factory.CreateClient();

        var body = await LinkAsync(client, new string('a', 101));

        Assert.Equal("STATEMENT_TOO_LARGE", ErrorCode(body));
    }

    [Fact]
    public async Task With_the_model_loaded_a_paraphrase_is_explained_by_the_closest_wording()
    {
        // Loading the model and encoding the target texts is not what is measured here; on a loaded machine it
        // outlasts the default execution timeout.
        await using var factory = new ApiFactory(new() { ["Matching:Semantic"] = "true", ["Api:ExecutionTimeout"] = "00:05:00" });
        using var client = factory.CreateClient();

        var body = await LinkAsync(client, "Hospitals, power grids and water systems must never be the target of hostile operations online.", top: 3);

        var matches = body["data"]!["linkStatement"]!.AsArray();
        var ids = matches.Select(m => m!["target"]!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("gge-13f", ids);
        var infrastructure = matches.Single(m => m!["target"]!["id"]!.GetValue<string>() == "gge-13f")!;
        Assert.NotNull(infrastructure["why"]!["closestWording"]);
        Assert.InRange(infrastructure["why"]!["similarity"]!.GetValue<double>(), 0.2, 1);
    }
}
