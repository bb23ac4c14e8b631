using Microsoft.Extensions.Options;

namespace NormsGraph.Api.Security;

/// <summary>
/// Checks the API settings at start. The one rule that matters most: a process that listens beyond loopback
/// must have a key with the write scope, or anyone who can reach it could change the graph.
/// </summary>
internal sealed class ApiOptionsValidator(IConfiguration configuration) : IValidateOptions<ApiOptions>
{
    private const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        var keys = ApiKeyRing.Keys(options).ToList();
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"Api:Keys:{i}:Name must be set; it is what the audit log records.");
            }
            if (key.Key.Length < MinimumKeyLength)
            {
                failures.Add($"The key '{key.Name}' (Api:Keys:{i}:Key or Api:ApiKey) must be at least {MinimumKeyLength} characters.");
            }
            foreach (var scope in key.Scopes.Where(s => !ApiScopes.All.Contains(s)))
            {
                failures.Add($"The key '{key.Name}' has the unknown scope '{scope}'; use read, write or admin.");
            }
        }
        if (keys.GroupBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } sameName)
        {
            failures.Add($"Two API keys are named '{sameName.Key}'.");
        }
        if (keys.GroupBy(k => k.Key, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            failures.Add("Two API keys have the same secret.");
        }
        var urls = ListenAddresses.From(configuration);
        if (!ListenAddresses.AllLoopback(urls) && !keys.Any(k => k.Scopes.Contains(ApiScopes.Write) || k.Scopes.Contains(ApiScopes.Admin)))
        {
            failures.Add($"The API listens beyond loopback ({string.Join(", ", urls)}) but no API key can write: set Api:Keys " +
                "(e.g. Api__Keys__0__Name=curator, Api__Keys__0__Key=<secret>, Api__Keys__0__Scopes__0=write) so mutations need a key.");
        }
        if (options.MaxRequestBytes <= 0)
        {
            failures.Add("Api:MaxRequestBytes must be positive.");
        }
        if (options.MaxDepth is < 2 or > 100)
        {
            failures.Add("Api:MaxDepth must be between 2 and 100.");
        }
        if (options.MaxComplexity < 10)
        {
            failures.Add("Api:MaxComplexity must be at least 10.");
        }
        if (options.MaxFields is < 100 or > 100_000)
        {
            failures.Add("Api:MaxFields must be between 100 and 100,000.");
        }
        if (options.ExecutionTimeout < TimeSpan.FromMilliseconds(10))
        {
            failures.Add("Api:ExecutionTimeout must be at least 10 ms.");
        }
        if (options.RateLimitPermits < 0 || options.RateLimitWindow < TimeSpan.FromSeconds(1))
        {
            failures.Add("Api:RateLimitPermits must not be negative and Api:RateLimitWindow must be at least 1 s.");
        }
        foreach (var origin in options.CorsOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var u) || u.AbsolutePath != "/"))
        {
            failures.Add($"Api:CorsOrigins entry '{origin}' must be an origin such as https://dashboards.example.org (scheme, host, optional port).");
        }
        foreach (var proxy in options.TrustedProxies.Where(p => TrustedProxies.Parse(p) is null))
        {
            failures.Add($"Api:TrustedProxies entry '{proxy}' must be an IP address (10.0.0.5) or a network (10.0.0.0/8).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
