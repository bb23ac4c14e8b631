namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Linking's tables beside the store's: evidence vectors (one per statement, with the model that made it) and
/// an FTS5 index over statement evidence kept in step with the statements table by triggers. Vectors are not
/// deleted with their statement: a statement id hashes its evidence, so a re-extracted statement with the same
/// id finds its vector again; orphans are swept when vectors are saved.
/// </summary>
internal static class EmbeddedLinkingSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS statement_vectors (statement_id TEXT PRIMARY KEY, model TEXT NOT NULL, vector BLOB NOT NULL);
        CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(
            evidence, content='statements', content_rowid='rowid', tokenize='porter unicode61');
        CREATE TRIGGER IF NOT EXISTS statements_fts_insert AFTER INSERT ON statements BEGIN
            INSERT INTO statements_fts (rowid, evidence) VALUES (new.rowid, new.evidence);
        END;
        CREATE TRIGGER IF NOT EXISTS statements_fts_delete AFTER DELETE ON statements BEGIN
            INSERT INTO statements_fts (statements_fts, rowid, evidence) VALUES ('delete', old.rowid, old.evidence);
        END;
        CREATE TRIGGER IF NOT EXISTS statements_fts_update AFTER UPDATE OF evidence ON statements BEGIN
            INSERT INTO statements_fts (statements_fts, rowid, evidence) VALUES ('delete', old.rowid, old.evidence);
            INSERT INTO statements_fts (rowid, evidence) VALUES (new.rowid, new.evidence);
        END;
        CREATE TABLE IF NOT EXISTS linking_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL);
        INSERT OR IGNORE INTO linking_state (id, generation) VALUES (1, 0);
        CREATE TRIGGER IF NOT EXISTS linking_statements_insert AFTER INSERT ON statements BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS linking_statements_delete AFTER DELETE ON statements BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS linking_statements_update AFTER UPDATE OF target_id, actor_id, report_id, evidence ON statements BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS linking_vectors_insert AFTER INSERT ON statement_vectors BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS linking_vectors_update AFTER UPDATE ON statement_vectors BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS linking_vectors_delete AFTER DELETE ON statement_vectors BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS linking_curation_insert AFTER INSERT ON curation BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS linking_curation_update AFTER UPDATE ON curation BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        CREATE TRIGGER IF NOT EXISTS linking_curation_delete AFTER DELETE ON curation BEGIN
            UPDATE linking_state SET generation = generation + 1 WHERE id = 1;
        END;
        """;

    // Statements written before the triggers existed (an older database) are indexed by a rebuild.
    public const string Rebuild = "INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');";

    // Bumped by the triggers above on every change that alters the evidence (statements, vectors, curation),
    // so deciding whether the in-memory vectors are current reads one row instead of scanning the vectors. A statement's
    // target and actor change in place (setStatementTarget, mergeActors): without its update trigger linking kept showing
    // and counting a moved statement under the target it had left.
    public const string Generation = "SELECT generation FROM linking_state WHERE id = 1;";

    public const string LoadVectors = """
        SELECT s.id, s.target_id, s.evidence, s.actor_id, s.report_id, coalesce(c.status, 'extracted'), v.vector
        FROM statement_vectors v JOIN statements s ON s.id = v.statement_id
        LEFT JOIN curation c ON c.statement_id = s.id
        WHERE v.model = $model AND coalesce(c.status, 'extracted') <> 'rejected';
        """;

    // FTS5 ranks first (ORDER BY rank is its own fast path) and only the best few are joined; rejected ones are
    // dropped after, so the inner query asks for more than needed.
    public const string Search = """
        SELECT s.id, s.target_id, s.evidence, s.actor_id, s.report_id, coalesce(c.status, 'extracted'), f.score
        FROM (SELECT rowid, rank AS score FROM statements_fts WHERE statements_fts MATCH $query ORDER BY rank LIMIT $candidates) f
        JOIN statements s ON s.rowid = f.rowid
        LEFT JOIN curation c ON c.statement_id = s.id
        WHERE coalesce(c.status, 'extracted') <> 'rejected'
        ORDER BY f.score LIMIT $top;
        """;

    public const string Pending = """
        SELECT s.id, s.evidence FROM statements s
        LEFT JOIN statement_vectors v ON v.statement_id = s.id AND v.model = $model
        WHERE v.statement_id IS NULL ORDER BY s.rowid LIMIT $limit;
        """;

    public const string Save = """
        INSERT INTO statement_vectors (statement_id, model, vector) SELECT $id, $model, $vector WHERE EXISTS (SELECT 1 FROM statements WHERE id = $id)
        ON CONFLICT (statement_id) DO UPDATE SET model = $model, vector = $vector;
        """;

    public const string SweepOrphans = "DELETE FROM statement_vectors WHERE statement_id NOT IN (SELECT id FROM statements);";
}
