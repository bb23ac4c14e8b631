using System.Net;
using System.Text;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// The Neo4j server the contract tests run against: the one NORMSGRAPH_TEST_NEO4J_URI names (with
/// NORMSGRAPH_TEST_NEO4J_USER / _PASSWORD), else a container of the image docker-compose.yml pins when a Docker
/// engine answers, else none, and every test says why it skipped. NORMSGRAPH_REQUIRE_NEO4J=1 turns that skip
/// into a failure. The container counts as started once the database answers a query through the Query API
/// (port 7474 opens well before the database is online).
/// </summary>
public sealed class Neo4jServerFixture : IAsyncLifetime
{
    // Keep in step with docker-compose.yml (ComposeFileTests checks that they agree).
    internal const string Image = "neo4j:5.26.12-community";
    private const string ContainerPassword = "normsgraph-tests";
    private const int HttpPort = 7474;

    private IContainer? _container;

    public Uri? Uri { get; private set; }

    public string User { get; private set; } = "neo4j";

    public string Password { get; private set; } = "";

    public string SkipReason { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("NORMSGRAPH_TEST_NEO4J_URI");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Uri = new Uri(configured);
            User = Environment.GetEnvironmentVariable("NORMSGRAPH_TEST_NEO4J_USER") ?? "neo4j";
            Password = Environment.GetEnvironmentVariable("NORMSGRAPH_TEST_NEO4J_PASSWORD") ?? "";
            return;
        }
        try
        {
            _container = new ContainerBuilder(Image)
                .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
                .WithEnvironment("NEO4J_db_lock_acquisition_timeout", "10s")
                .WithEnvironment("NEO4J_db_transaction_timeout", "20s")
                .WithPortBinding(HttpPort, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request
                    .ForPort(HttpPort)
                    .ForPath("/db/neo4j/query/v2")
                    .WithMethod(HttpMethod.Post)
                    .WithBasicAuthentication("neo4j", ContainerPassword)
                    .WithContent(() => new StringContent(JsonSerializer.Serialize(new { statement = TestCypher.Ready.Text }), Encoding.UTF8, "application/json"))
                    .ForResponseMessageMatching(AnswersAQueryAsync)))
                .Build();
            await _container.StartAsync(TestContext.Current.CancellationToken);
            Uri = new Uri($"http://{_container.Hostname}:{_container.GetMappedPublicPort(HttpPort)}");
            Password = ContainerPassword;
        }
        catch (DockerUnavailableException e)
        {
            SkipReason = "No Neo4j to test against: NORMSGRAPH_TEST_NEO4J_URI is not set and no Docker engine answers for Testcontainers "
                + $"({FirstLine(e.Message)}).";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SkipReason = $"No Neo4j to test against: NORMSGRAPH_TEST_NEO4J_URI is not set and the {Image} container did not start ({FirstLine(e.Message)}).";
        }
    }

    /// <summary>Skips the calling test when there is no server, or fails it when NORMSGRAPH_REQUIRE_NEO4J=1.</summary>
    public void RequireServer()
    {
        if (Uri is not null)
        {
            return;
        }
        MissingTool.SkipUnlessRequired("NORMSGRAPH_REQUIRE_NEO4J", SkipReason);
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }

    // The Query API answers 202 with data once the database is online; before that, an error body or no answer.
    private static async Task<bool> AnswersAQueryAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return false;
        }
        var body = await response.Content.ReadAsStringAsync();
        return body.Contains("\"ready\"", StringComparison.Ordinal) && !body.Contains("\"errors\"", StringComparison.Ordinal);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
