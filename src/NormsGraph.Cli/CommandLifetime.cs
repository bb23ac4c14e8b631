using Microsoft.Extensions.Hosting;

namespace NormsGraph.Cli;

/// <summary>
/// The host's lifetime for a command: none. The default console lifetime registers its own SIGINT/SIGTERM handlers
/// that only stop the host, which a command never waits on; <see cref="TerminationSignals"/> cancels the command instead.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
