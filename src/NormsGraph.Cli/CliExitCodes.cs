namespace NormsGraph.Cli;

/// <summary>The exit codes every command keeps to (README, "Command line").</summary>
internal static class CliExitCodes
{
    public const int Success = 0;

    /// <summary>The command could not run: a usage error, a path it cannot read or write, a store it cannot open, a bad setting.</summary>
    public const int Failed = 1;

    /// <summary>It ran, but some of its input was refused, missing or in conflict; the messages name each.</summary>
    public const int Refused = 2;

    /// <summary>A bug: the message and stack trace are printed so it can be reported.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl-C (SIGINT), 128 + 2 as shells expect; what was stored stays stored.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM, 128 + 15.</summary>
    public const int Terminated = 143;
}
