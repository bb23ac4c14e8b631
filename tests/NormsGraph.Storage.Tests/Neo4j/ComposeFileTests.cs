using System.Globalization;
using System.Text.RegularExpressions;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// docker-compose.yml (Neo4j, api, worker) is valid for the docker-compose v1 tool CI installs, which also
/// rejects what newer tools accept (a top-level `name:`); that check skips without the tool unless
/// NORMSGRAPH_REQUIRE_COMPOSE=1 (set by CI once it installed it). Its Neo4j settings are checked as text.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public async Task The_compose_file_validates_offline()
    {
        var result = await ExternalCommand.RunAsync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"], RepositoryRoot.Path,
            TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        if (result is null)
        {
            const string Reason = "docker-compose (v1) is not installed; CI installs it with apt-get in .ci/install.sh.";
            MissingTool.SkipUnlessRequired("NORMSGRAPH_REQUIRE_COMPOSE", Reason);
        }

        Assert.True(result.ExitCode == 0, $"docker-compose rejects docker-compose.yml:\n{result}");
    }

    [Fact]
    public async Task Neo4j_is_pinned_to_the_image_the_tests_use_and_bounds_lock_waits_below_the_clients_timeout()
    {
        var compose = await File.ReadAllTextAsync(RepositoryRoot.Combine("docker-compose.yml"), TestContext.Current.CancellationToken);

        Assert.Contains($"image: {Neo4jServerFixture.Image}\n", compose, StringComparison.Ordinal);
        // Docker spells a setting with '.' as '_' and '_' as '__': db.lock.acquisition.timeout has no '_'.
        var lockTimeout = Seconds(compose, "NEO4J_db_lock_acquisition_timeout");
        var transactionTimeout = Seconds(compose, "NEO4J_db_transaction_timeout");
        var attempt = new Neo4jOptions().AttemptTimeout.TotalSeconds;
        Assert.True(lockTimeout < transactionTimeout && transactionTimeout < attempt,
            $"lock {lockTimeout} s, transaction {transactionTimeout} s, client attempt {attempt} s");
    }

    private static int Seconds(string compose, string variable)
    {
        var match = Regex.Match(compose, $@"\n\s+{variable}: (\d+)s\n");
        Assert.True(match.Success, $"docker-compose.yml does not set {variable} in seconds");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
