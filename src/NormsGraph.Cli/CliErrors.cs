using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NormsGraph.Core.Storage;
using NormsGraph.Core.Taxonomy;

namespace NormsGraph.Cli;

/// <summary>
/// The one place that decides which exceptions are expected failures (said in one line) and which are bugs
/// (printed with their stack trace), so no command needs its own try/catch for a missing file or a full disk.
/// </summary>
internal static class CliErrors
{
    // SQLITE_NOTADB: the file exists but is not an SQLite database.
    private const int NotADatabase = 26;

    /// <summary>The line to print for an expected failure, or null when <paramref name="error"/> is a bug.</summary>
    public static string? Describe(Exception error) => error switch
    {
        CliFailure or OptionsValidationException or StoreUnavailableException or TaxonomyException => error.Message,
        // Both name the path: "Could not find file '/x'.", "Access to the path '/x' is denied.", "The file '/x' already exists."
        IOException or UnauthorizedAccessException => error.Message,
        InvalidDataException => error.Message,
        SqliteException { SqliteErrorCode: NotADatabase } => "the store file is not a NormsGraph store (SQLite: file is not a database); give another --store file.",
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => null,
    };

    public static int ExitCodeOf(Exception error) => error is CliFailure failure ? failure.ExitCode : CliExitCodes.Failed;
}
