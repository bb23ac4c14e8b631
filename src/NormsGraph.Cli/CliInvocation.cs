using System.CommandLine;
using System.CommandLine.Help;

namespace NormsGraph.Cli;

/// <summary>
/// Parses and runs a command with the CLI's rules: the exit codes of <see cref="CliExitCodes"/>, Ctrl-C and SIGTERM
/// as cancellation, expected failures as one line on standard error (<see cref="CliErrors"/>) and bugs with their trace.
/// </summary>
internal static class CliInvocation
{
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter errors)
    {
        var parse = root.Parse(args);
        if (parse.Action is HelpAction && parse.UnmatchedTokens.Count > 0)
        {
            // System.CommandLine lets --help win over an unknown command: `normsgraph batch --help` printed the root help
            // and exited 0 while `normsgraph batch` exits 1. An unknown word is the same error with or without --help.
            foreach (var token in parse.UnmatchedTokens)
            {
                await errors.WriteLineAsync($"Unrecognized command or argument '{token}'.");
            }
            await errors.WriteLineAsync($"See '{string.Join(' ', CommandPath(parse.CommandResult.Command))} --help'.");
            return CliExitCodes.Failed;
        }

        using var signals = new TerminationSignals();
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            var code = await parse.InvokeAsync(configuration, signals.Token);
            return signals.ExitCode ?? code;
        }
        catch (OperationCanceledException) when (signals.ExitCode is { } code)
        {
            await errors.WriteLineAsync("normsgraph: interrupted.");
            return code;
        }
        catch (Exception e) when (CliErrors.Describe(e) is { } message)
        {
            await errors.WriteLineAsync($"normsgraph: {message}");
            return CliErrors.ExitCodeOf(e);
        }
        catch (Exception e)
        {
            // Not a failure the CLI knows how to explain: keep everything needed to report it.
            await errors.WriteLineAsync($"normsgraph: internal error (please report it with what follows): {e}");
            return CliExitCodes.InternalError;
        }
    }

    private static IEnumerable<string> CommandPath(Command command) =>
        command.Parents.OfType<Command>().SelectMany(CommandPath).Append(command is RootCommand ? "normsgraph" : command.Name);
}
