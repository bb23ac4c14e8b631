using System.Diagnostics.CodeAnalysis;

namespace NormsGraph.Tests;

/// <summary>
/// What a test does when a tool it needs is missing (a Neo4j server, chromium, npm packages, docker-compose…): it skips
/// with the reason, unless the variable .ci/install.sh sets once it installed the tool (NORMSGRAPH_REQUIRE_…=1) says
/// the tool must be there, and then it fails. One file, compiled into every test project, like RepositoryRoot.
/// </summary>
internal static class MissingTool
{
    [DoesNotReturn]
    public static void SkipUnlessRequired(string variable, string reason)
    {
        if (Environment.GetEnvironmentVariable(variable) == "1")
        {
            Assert.Fail($"{reason} {variable}=1 says it must be there.");
        }
        Assert.Skip(reason);
    }
}
