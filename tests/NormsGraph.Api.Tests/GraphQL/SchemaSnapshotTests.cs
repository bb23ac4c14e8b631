using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace NormsGraph.Api.Tests.GraphQL;

/// <summary>
/// The SDL in graph-schema/schema.graphql is the published contract with dashboards; this fails when the
/// schema drifts. After an intended change run the tests with NORMSGRAPH_UPDATE_SCHEMA=1 and commit the file.
/// </summary>
public sealed class SchemaSnapshotTests
{
    [Fact]
    public async Task The_schema_matches_the_committed_sdl()
    {
        await using var factory = new ApiFactory();
        using var scope = factory.Services.CreateScope();
        var schema = scope.ServiceProvider.GetRequiredService<ISchema>();
        schema.Initialize();
        var sdl = schema.Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = RepositoryRoot.Combine("graph-schema", "schema.graphql");

        if (Environment.GetEnvironmentVariable("NORMSGRAPH_UPDATE_SCHEMA") == "1")
        {
            await File.WriteAllTextAsync(path, sdl, TestContext.Current.CancellationToken);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run with NORMSGRAPH_UPDATE_SCHEMA=1 to create it.");
        Assert.Equal(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), sdl);
    }
}
