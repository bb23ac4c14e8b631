using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using NormsGraph.Storage.Neo4j;

namespace NormsGraph.Storage;

// The Neo4j half of AddGraphStore (Store:Provider=Neo4j), beside the adapter it registers.
public static partial class StorageServiceCollectionExtensions
{
    private static void AddNeo4jStore(IServiceCollection services, IConfiguration configuration)
    {
        const string Section = Neo4jOptions.SectionName;
        services.AddOptions<Neo4jOptions>().Bind(configuration.GetSection(Section))
            .Validate(o => o.Uri is { IsAbsoluteUri: true } uri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                $"{Section}:Uri must be the absolute http(s) address of Neo4j's HTTP endpoint, e.g. http://localhost:7474.")
            .Validate(o => o.Uri is null || string.IsNullOrEmpty(o.Uri.UserInfo),
                $"{Section}:Uri must not carry credentials; set {Section}:User and {Section}:Password instead.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.User) && !o.User.Contains(':', StringComparison.Ordinal),
                $"{Section}:User must be set (and cannot contain ':').")
            .Validate(o => !string.IsNullOrEmpty(o.Password), $"{Section}:Password must be set.")
            .Validate(o => DatabaseName().IsMatch(o.Database),
                $"{Section}:Database must be a Neo4j database name (3 to 63 letters, digits, dots or dashes, starting with a letter).")
            .Validate(o => o.MaxRetries is >= 0 and <= 20, $"{Section}:MaxRetries must be between 0 and 20.")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero, $"{Section}:RetryDelay must not be negative.")
            .Validate(o => o.RetryMaxDelay >= o.RetryDelay, $"{Section}:RetryMaxDelay must be at least {Section}:RetryDelay.")
            .Validate(o => o.MaxConcurrentWrites is >= 1 and <= 256, $"{Section}:MaxConcurrentWrites must be between 1 and 256.")
            .Validate(o => o.AttemptTimeout >= TimeSpan.FromMilliseconds(10), $"{Section}:AttemptTimeout must be at least 10 ms.")
            .Validate(o => o.TotalTimeout >= o.AttemptTimeout, $"{Section}:TotalTimeout must be at least {Section}:AttemptTimeout.")
            .Validate(o => o.BreakerFailureRatio is > 0 and <= 1, $"{Section}:BreakerFailureRatio must be above 0 and at most 1.")
            .Validate(o => o.BreakerMinimumThroughput >= 2, $"{Section}:BreakerMinimumThroughput must be at least 2.")
            .Validate(o => o.BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), $"{Section}:BreakerSamplingDuration must be at least 500 ms.")
            .Validate(o => o.BreakDuration >= TimeSpan.FromMilliseconds(500), $"{Section}:BreakDuration must be at least 500 ms.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Neo4jClientState(sp.GetRequiredService<IOptions<Neo4jOptions>>().Value.MaxConcurrentWrites));
        services.AddHttpClient<Neo4jQueryClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<Neo4jOptions>>().Value;
                // A trailing slash keeps a path prefix (Neo4j behind a proxy at /neo4j/) when request paths are joined.
                var address = options.Uri!.AbsoluteUri;
                http.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
                // The resilience pipeline owns timeouts; HttpClient's own would cut across its retries.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The store is a singleton holding this typed client for the life of the process: pooled connections
            // are recycled instead of handlers, so DNS changes (a Neo4j failover) are still picked up.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(Neo4jResilience.PipelineName, (builder, context) => Neo4jResilience.ConfigureHttp(builder,
                context.ServiceProvider.GetRequiredService<IOptions<Neo4jOptions>>().Value,
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Neo4jResilience).FullName!)));
        services.AddSingleton<Neo4jMigrator>();
        services.AddSingleton<Neo4jGraphStore>();
        services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<Neo4jGraphStore>());
    }

    // Neo4j's own rule for database names; checking it keeps the name a single, harmless URL path segment.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9.-]{2,62}$")]
    private static partial Regex DatabaseName();
}
