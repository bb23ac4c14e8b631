namespace NormsGraph.Cli;

/// <summary>
/// An expected reason a command cannot go on (a path that is a folder, a file that is not a store), said in one line
/// that names the option or path: <see cref="CliInvocation"/> prints it without a stack trace.
/// </summary>
internal sealed class CliFailure(string message, int exitCode = CliExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
