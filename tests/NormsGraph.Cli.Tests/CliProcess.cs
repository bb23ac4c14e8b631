using System.Diagnostics;

namespace NormsGraph.Cli.Tests;

/// <summary>Runs the real binary (what a user or a script sees: exit code, standard output, standard error).</summary>
internal static class CliProcess
{
    public static async Task<(int Code, string Output, string Errors)> RunAsync(string workingDirectory, params string[] args) =>
        await RunAsync(workingDirectory, new Dictionary<string, string>(), null, args);

    /// <param name="whileRunning">Called once the process has started, with it, e.g. to send it a signal.</param>
    public static async Task<(int Code, string Output, string Errors)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment,
        Func<Process, Task>? whileRunning, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "normsgraph.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(CliRun.Ct);
        var errors = process.StandardError.ReadToEndAsync(CliRun.Ct);
        try
        {
            if (whileRunning is not null)
            {
                await whileRunning(process);
            }
            await process.WaitForExitAsync(CliRun.Ct);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Sends a POSIX signal (INT, TERM) the way a shell's <c>kill</c> does.</summary>
    public static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(CliRun.Ct);
    }
}
