using System.Text.Json.Nodes;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL.Linking;

public sealed class AddStatementTests
{
    private const string AddMutation = """
        mutation Add($input: AddStatementInput!) {
          addStatement(input: $input) {
            statementIds
            targets { id }
            report { id title date source }
            matches { target { id } score }
          }
        }
        """;

    private const string PositionsQuery = """
        query Positions($actor: ID) {
          positions(actor: $actor, first: 10) { totalCount nodes { id stance status evidence target { id } report { title } } }
        }
        """;

    private static Task<(HttpResponseMessage Response, JsonNode Body)> AddAsync(HttpClient client, object input, string? apiKey = null) =>
        PostAsync(client, AddMutation, new { input }, apiKey: apiKey);

    private static async Task<JsonNode> PositionsAsync(HttpClient client, string actor) =>
        (await PostAsync(client, PositionsQuery, new { actor })).Body["data"]!["positions"]!;

    [Fact]
    public async Task A_statement_with_targets_is_stored_confirmed_and_appears_in_position_queries()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var (_, body) = await AddAsync(client, new
        {
            text = "Brazil stressed that international law applies to cyberspace and that CERTs must be protected.",
            speaker = "bra",
            date = "2024-03-05",
            @event = "OEWG eighth substantive session",
            source = "https://example.org/statement",
            targets = new[] { "p-intl-law", "gge-13k" },
        });

        var added = body["data"]!["addStatement"]!;
        Assert.Equal(2, added["statementIds"]!.AsArray().Count);
        Assert.Equal(["p-intl-law", "gge-13k"], added["targets"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal("Statement by Brazil at OEWG eighth substantive session", added["report"]!["title"]!.GetValue<string>());
        Assert.Equal("2024-03-05", added["report"]!["date"]!.GetValue<string>());
        Assert.StartsWith("https://example.org/statement#", added["report"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
        var positions = await PositionsAsync(client, "bra");
        Assert.Equal(2, positions["totalCount"]!.GetValue<int>());
        Assert.All(positions["nodes"]!.AsArray(), p => Assert.Equal("CONFIRMED", p!["status"]!.GetValue<string>()));
        Assert.All(positions["nodes"]!.AsArray(), p => Assert.Equal("SUPPORT", p!["stance"]!.GetValue<string>()));
        // Filing is curation: the audit log says who confirmed each statement (on loopback without keys, "local").
        foreach (var id in added["statementIds"]!.AsArray().Select(i => i!.GetValue<string>()))
        {
            var (_, log) = await PostAsync(client, "query ($id: ID) { auditLog(subject: $id) { nodes { who action after } } }", new { id });
            Assert.Equal("""[{"who":"local","action":"CONFIRM_STATEMENT","after":"confirmed"}]""", log["data"]!["auditLog"]!["nodes"]!.ToJsonString());
        }
        var (_, filed) = await PostAsync(client, "query ($id: ID) { auditLog(subject: $id) { nodes { who action before after } } }",
            new { id = added["report"]!["id"]!.GetValue<string>() });
        Assert.Equal("""[{"who":"local","action":"SUBMIT_REPORT","before":null,"after":"ingested"}]""", filed["data"]!["auditLog"]!["nodes"]!.ToJsonString());
    }

    [Fact]
    public async Task Without_targets_the_best_matches_above_the_threshold_are_chosen_and_returned()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var (_, body) = await AddAsync(client, new
        {
            text = "Chile called for the protection of CERTs against any attack.",
            speaker = "chl",
            stance = "SUPPORT",
        });

        var added = body["data"]!["addStatement"]!;
        Assert.Contains("gge-13k", added["targets"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.NotEmpty(added["matches"]!.AsArray());
        Assert.All(added["targets"]!.AsArray(), t => Assert.True(
            added["matches"]!.AsArray().Single(m => m!["target"]!["id"]!.GetValue<string>() == t!["id"]!.GetValue<string>())!["score"]!.GetValue<double>() >= 0.5));
    }

    [Fact]
    public async Task A_filed_statement_is_evidence_for_the_next_link()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        await AddAsync(client, new { text = "Kenya urged a fund so that small states can build incident response capacity.", speaker = "ken", targets = new[] { "p-ccb-principles" } });

        var (_, body) = await PostAsync(client, """
            query { linkStatement(text: "A fund to build incident response capacity in small states is needed.", top: 5) { target { id } why { similar { statement status } } } }
            """);

        var capacity = body["data"]!["linkStatement"]!.AsArray().Single(m => m!["target"]!["id"]!.GetValue<string>() == "p-ccb-principles")!;
        Assert.Equal("CONFIRMED", Assert.Single(capacity["why"]!["similar"]!.AsArray())!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "bra", "p-intl-law", "EMPTY_STATEMENT")]
    [InlineData("– ... –", "bra", "p-intl-law", "EMPTY_STATEMENT")]
    [InlineData("International law applies.", "nobody", "p-intl-law", "UNKNOWN_SPEAKER")]
    [InlineData("International law applies.", "bra", "no-such-norm", "UNKNOWN_TARGET")]
    public async Task Invalid_statements_are_errors_with_a_code_and_nothing_is_stored(string text, string speaker, string target, string code)
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        var (_, body) = await AddAsync(client, new { text, speaker, targets = new[] { target } });

        Assert.Equal(code, ErrorCode(body));
        Assert.Equal(0, (await PositionsAsync(client, speaker))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_statement_dated_on_the_day_that_stands_for_undated_is_refused_and_nothing_is_stored()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();

        // Stored, it was dated for reports(from) and statistics (period 9999, no statements) and undated for who and timeline.
        var (_, body) = await AddAsync(client, new { text = "International law applies.", speaker = "bra", date = "9999-12-31", targets = new[] { "p-intl-law" } });

        Assert.Equal("BAD_USER_INPUT", ErrorCode(body));
        Assert.Equal(0, (await PositionsAsync(client, "bra"))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_oversized_statement_is_refused_and_one_matching_nothing_needs_targets()
    {
        await using var factory = new ApiFactory(new() { ["Linking:MaxStatementChars"] = "200" });
        using var client = factory.CreateClient();

        var (_, large) = await AddAsync(client, new { text = new string('x', 201), speaker = "bra", targets = new[] { "p-intl-law" } });
        var (_, vague) = await AddAsync(client, new { text = "Thank you, Chair.", speaker = "bra" });

        Assert.Equal("STATEMENT_TOO_LARGE", ErrorCode(large));
        Assert.Equal("NO_TARGET", ErrorCode(vague));
        Assert.Equal(0, (await PositionsAsync(client, "bra"))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_empty_source_is_no_source_and_filing_the_statement_again_returns_the_ids_stored()
    {
        await using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        const string text = "Chile stressed that international law applies.";

        var (_, withoutSource) = await AddAsync(client, new { text, speaker = "chl", targets = new[] { "p-intl-law" } });
        var (_, emptySource) = await AddAsync(client, new { text, speaker = "chl", targets = new[] { "p-intl-law" }, source = "" });

        // Both name the one statement stored: an id that is not stored could be neither read nor curated.
        var stored = (await PositionsAsync(client, "chl"))["nodes"]!.AsArray().Select(p => p!["id"]!.GetValue<string>());
        Assert.Equal(stored, withoutSource["data"]!["addStatement"]!["statementIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(stored, emptySource["data"]!["addStatement"]!["statementIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.StartsWith("analyst#", emptySource["data"]!["addStatement"]!["report"]!["source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_statement_needs_the_api_key_when_one_is_set()
    {
        await using var factory = new ApiFactory(new() { ["Api:ApiKey"] = "s3cret-key-of-16-chars" });
        using var client = factory.CreateClient();
        var input = new { text = "International law applies.", speaker = "bra", targets = new[] { "p-intl-law" } };

        var (_, without) = await AddAsync(client, input);
        var (_, with) = await AddAsync(client, input, apiKey: "s3cret-key-of-16-chars");

        Assert.Equal("UNAUTHENTICATED", ErrorCode(without));
        Assert.Single(with["data"]!["addStatement"]!["statementIds"]!.AsArray());
    }
}
