namespace NormsGraph.Storage.Neo4j;

/// <summary>What a Neo4j failure means for the caller.</summary>
public enum Neo4jErrorKind
{
    /// <summary>The request was wrong (syntax, semantics, constraint): fix the code or data.</summary>
    Client,

    /// <summary>Authentication or authorisation failed: fix <c>Neo4j:User</c> / <c>Neo4j:Password</c>.</summary>
    Security,

    /// <summary>May pass on its own (server busy or restarting, deadlock, lock timeout, lost transaction, network): retried.</summary>
    Transient,

    /// <summary>The transaction was terminated on purpose (by an administrator or on shutdown): not retried.</summary>
    Terminated,

    /// <summary>The server failed internally.</summary>
    Database,

    /// <summary>The answer was not what the Query API documents (wrong address, a proxy page, bad JSON).</summary>
    Protocol,
}
