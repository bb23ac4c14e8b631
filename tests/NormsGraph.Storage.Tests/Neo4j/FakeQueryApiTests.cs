using Microsoft.Extensions.DependencyInjection;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// Tests against the Query API imitation: a fresh server per test, and the service provider a test builds on it,
/// both disposed after the test.
/// </summary>
public abstract class FakeQueryApiTests : IAsyncLifetime
{
    internal FakeQueryApi Server { get; private set; } = null!;

    internal ServiceProvider? Services { get; set; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Server = await FakeQueryApi.StartAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
