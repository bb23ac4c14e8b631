using System.Net;
using System.Text.Json;

namespace NormsGraph.Storage.Neo4j;

/// <summary>Reads Neo4j error answers and decides what they mean, for the client and its resilience pipeline alike.</summary>
internal static class Neo4jErrors
{
    private const string TransientPrefix = "Neo.TransientError.";

    // Transient by code, but they mean someone stopped the transaction on purpose; retrying would fight them.
    private static readonly HashSet<string> Deliberate = new(StringComparer.Ordinal)
    {
        "Neo.TransientError.Transaction.Terminated",
        "Neo.TransientError.Transaction.LockClientStopped",
    };

    // Client errors by code, but every request this store sends is one self-contained statement that MERGEs
    // on ids, so sending it again is safe and can succeed:
    // - TransactionNotFound: the server lost or expired the transaction the request ran in (a restart, a
    //   leader switch on a cluster); nothing of it committed, so the write is simply repeated.
    // - EntityNotFound: a node the statement read was deleted by a concurrent writer before this one locked
    //   it (curation racing a re-ingest of the same report); run again, the statement reads the new state.
    // - NotALeader: a cluster member that stopped being leader refused the write; the next attempt is
    //   routed to the new one.
    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal)
    {
        "Neo.ClientError.Transaction.TransactionNotFound",
        "Neo.ClientError.Statement.EntityNotFound",
        "Neo.ClientError.Cluster.NotALeader",
    };

    /// <summary>
    /// Whether a request that failed with this code may be sent again as is: <c>Neo.TransientError.*</c>
    /// (deadlocks, lock acquisition timeouts, an unavailable database…) except deliberate terminations, and
    /// the few client errors above that mean the statement met a moving target rather than being wrong.
    /// </summary>
    public static bool IsTransientCode(string code) =>
        (code.StartsWith(TransientPrefix, StringComparison.Ordinal) && !Deliberate.Contains(code)) || Repeatable.Contains(code);

    /// <summary>Classifies a failed answer by its first error code, falling back on the HTTP status.</summary>
    public static Neo4jErrorKind Classify(HttpStatusCode status, string? code)
    {
        // A proxy or a restarting server may put anything in a 503 body; the status is the reliable part.
        if (status == HttpStatusCode.ServiceUnavailable)
        {
            return Neo4jErrorKind.Transient;
        }
        if (status == HttpStatusCode.Unauthorized || code?.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal) == true)
        {
            return Neo4jErrorKind.Security;
        }
        if (code is not null)
        {
            if (Deliberate.Contains(code))
            {
                return Neo4jErrorKind.Terminated;
            }
            if (IsTransientCode(code))
            {
                return Neo4jErrorKind.Transient;
            }
            if (code.StartsWith("Neo.ClientError.", StringComparison.Ordinal))
            {
                return Neo4jErrorKind.Client;
            }
            if (code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal))
            {
                return Neo4jErrorKind.Database;
            }
        }
        return (int)status >= 500 ? Neo4jErrorKind.Database : Neo4jErrorKind.Protocol;
    }

    /// <summary>
    /// The first error's code in a Query API body, or null when it has none. Scans only the top level so a
    /// large successful answer costs one pass and no allocations beyond the code itself.
    /// </summary>
    public static string? FirstErrorCode(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("errors"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isCode = reader.ValueTextEquals("code"u8);
                    reader.Read();
                    if (isCode && reader.TokenType == JsonTokenType.String)
                    {
                        return reader.GetString();
                    }
                    reader.Skip();
                }
                return null;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page): the caller falls back on the status.
        }
        return null;
    }
}
