using System.Runtime.InteropServices;

namespace NormsGraph.Cli;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancelled token, so a batch stops between reports with what it
/// stored kept and a summary; a second signal ends the process the default way, for a command that does not stop.
/// The CLI owns these signals: the generic host's console lifetime is replaced (<see cref="CommandLifetime"/>), and
/// System.CommandLine's own handling is switched off, since both took the signal without the command ever seeing it.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _exitCode;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, CliExitCodes.Interrupted)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, CliExitCodes.Terminated)),
        ];
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM, null while no signal came.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is var code and not 0 ? code : null;

    private void OnSignal(PosixSignalContext context, int exitCode)
    {
        if (Interlocked.CompareExchange(ref _exitCode, exitCode, 0) != 0)
        {
            return;
        }
        context.Cancel = true;
        _cancellation.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _cancellation.Dispose();
    }
}
