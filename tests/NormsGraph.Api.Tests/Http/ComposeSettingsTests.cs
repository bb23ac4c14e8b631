using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NormsGraph.Api.Security;
using NormsGraph.Tests;
using YamlDotNet.RepresentationModel;

namespace NormsGraph.Api.Tests.Http;

/// <summary>
/// The api service of docker-compose.yml, with the values of .env.example and the image's listen address, passes the
/// API's own start-up checks: `docker compose up` serves instead of stopping at start. Docker itself is not needed.
/// </summary>
public sealed partial class ComposeSettingsTests
{
    [Fact]
    public void The_compose_api_settings_with_the_example_env_pass_the_start_up_checks()
    {
        var result = Validate(ExampleEnv());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Without_a_key_in_env_the_compose_api_refuses_to_start_naming_the_setting()
    {
        var env = ExampleEnv();
        env.Remove("NORMSGRAPH_API_KEY");

        var result = Validate(env);

        Assert.True(result.Failed);
        Assert.Contains("Api:Keys", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string> env)
    {
        var settings = ApiEnvironment().ToDictionary(
            e => e.Key.Replace("__", ":", StringComparison.Ordinal),
            e => (string?)Substitute(e.Value, env));
        settings["urls"] = ImageUrls();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions();
        return new ApiOptionsValidator(configuration).Validate(null, options);
    }

    private static Dictionary<string, string> ApiEnvironment()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepositoryRoot.Combine("docker-compose.yml")))
        {
            yaml.Load(reader);
        }
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var api = (YamlMappingNode)((YamlMappingNode)root["services"])["api"];
        return ((YamlMappingNode)api["environment"]).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "");
    }

    private static Dictionary<string, string> ExampleEnv() =>
        File.ReadAllLines(RepositoryRoot.Combine(".env.example"))
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());

    // Compose's ${NAME:-default}: the value when set and not empty, else the default.
    private static string Substitute(string value, Dictionary<string, string> env) =>
        Variable().Replace(value, m => env.TryGetValue(m.Groups["name"].Value, out var v) && v.Length > 0 ? v : m.Groups["default"].Value);

    private static string ImageUrls()
    {
        var dockerfile = File.ReadAllText(RepositoryRoot.Combine("src", "NormsGraph.Api", "Dockerfile"));
        var match = Regex.Match(dockerfile, @"^ENV Urls=(\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, "the API's Dockerfile no longer sets Urls; read its listen address another way");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
