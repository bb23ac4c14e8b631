using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>The services AddGraphStore registers for Store:Provider=Neo4j, built the way a host builds them.</summary>
internal static class Neo4jTestServices
{
    public static ServiceProvider Build(Uri uri, string user, string password, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Neo4j",
            ["Neo4j:Uri"] = uri.ToString(),
            ["Neo4j:User"] = user,
            ["Neo4j:Password"] = password,
            ["Neo4j:Database"] = "neo4j",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddGraphStore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
