namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Tables of the embedded store. Curation lives in its own table keyed by statement id, so a
/// statement deleted by a re-ingest and recreated with the same id gets its decision back.
/// Version 2 adds what is derived (position edges, the search index, rebuilt when the version
/// changes) and the curation record (statement edits, actor merges, the audit log). Version 3 adds the derived
/// timeline (per-period rows, see <see cref="PositionPeriods"/>), built from the statements when an older file opens.
/// Version 4 counts each position edge's distinct reports (the total of a stance's reports without reading its
/// statements); an older file's <c>position_edges</c> is dropped and built again. Version 5 keeps curators' actor
/// decisions (<c>actor_edits</c>, see <see cref="ActorEdits"/>) apart from what ingestion writes; an older file's are
/// recovered from its audit log. Version 6 records which sources hold each report (<c>report_sources</c>, see
/// <see cref="ReportSources"/>); an older file's come from its reports. Version 7 keeps who took part in an event by
/// triggers (<see cref="Participations"/>), built again from an older file's statements, and marks the reports ever
/// sent without a source (<c>reports.held_unnamed</c>; one that shows none counts as sent so, marked or not).
/// </summary>
internal static class EmbeddedSchema
{
    public const int Version = 7;

    // A statement that went or moved takes back its actor's part in its event unless another of theirs there stands.
    private const string ParticipationLeft = """
        DELETE FROM participations WHERE actor_id = old.actor_id AND event_id = old.event_id AND NOT EXISTS (
            SELECT 1 FROM reports r CROSS JOIN statements s ON s.report_id = r.id WHERE r.event_id = old.event_id AND +s.actor_id = old.actor_id
            AND NOT EXISTS (SELECT 1 FROM curation c WHERE c.statement_id = s.id AND c.status = 'rejected'));
        """;

    // What a curation decision does to its statement's actor's part in the event (an insert and an update of curation alike):
    // a rejection takes it back unless another of their statements there stands; anything else gives it.
    private const string CuratedParticipation = """
        DELETE FROM participations WHERE new.status = 'rejected'
            AND (actor_id, event_id) IN (SELECT actor_id, event_id FROM statements WHERE id = new.statement_id)
            AND NOT EXISTS (SELECT 1 FROM statements t CROSS JOIN reports r ON r.event_id = t.event_id
                CROSS JOIN statements s ON s.report_id = r.id AND +s.actor_id = t.actor_id
                WHERE t.id = new.statement_id
                AND NOT EXISTS (SELECT 1 FROM curation c WHERE c.statement_id = s.id AND c.status = 'rejected'));
        INSERT OR IGNORE INTO participations (actor_id, event_id) SELECT actor_id, event_id FROM statements
            WHERE id = new.statement_id AND event_id IS NOT NULL AND new.status <> 'rejected';
        """;

    // A search document's change at the generation its trigger has just advanced to.
    private const string NewDocumentChanged =
        "INSERT INTO search_doc_changes (doc, generation) SELECT new.rowid, n FROM search_generation WHERE true ON CONFLICT (doc) DO UPDATE SET generation = excluded.generation;";
    private const string OldDocumentChanged =
        "INSERT INTO search_doc_changes (doc, generation) SELECT old.rowid, n FROM search_generation WHERE true ON CONFLICT (doc) DO UPDATE SET generation = excluded.generation;";

    public const string Create = $$"""
        CREATE TABLE IF NOT EXISTS schema_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS frameworks (id TEXT PRIMARY KEY, name TEXT NOT NULL, year INTEGER);
        CREATE TABLE IF NOT EXISTS targets (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, description TEXT, framework_id TEXT);
        CREATE TABLE IF NOT EXISTS processes (id TEXT PRIMARY KEY, name TEXT NOT NULL, acronym TEXT);
        CREATE TABLE IF NOT EXISTS actors (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL, curated INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS events (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, start_time TEXT, end_time TEXT, process_id TEXT);
        CREATE TABLE IF NOT EXISTS reports (
            id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, source TEXT, text TEXT NOT NULL, format TEXT NOT NULL,
            extractor_version TEXT NOT NULL, ingested_at TEXT NOT NULL, event_id TEXT, held_unnamed INTEGER NOT NULL DEFAULT 0);
        DROP INDEX IF EXISTS reports_source;
        CREATE TABLE IF NOT EXISTS report_sources (source TEXT PRIMARY KEY, report_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS report_sources_report ON report_sources (report_id);
        CREATE TABLE IF NOT EXISTS statements (
            id TEXT PRIMARY KEY, report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL, target_id TEXT NOT NULL, stance TEXT NOT NULL, evidence TEXT NOT NULL,
            evidence_start INTEGER NOT NULL, evidence_length INTEGER NOT NULL, confidence REAL NOT NULL,
            speaker_id TEXT, sort_date TEXT NOT NULL, event_id TEXT);
        CREATE INDEX IF NOT EXISTS statements_target ON statements (target_id, sort_date, id);
        CREATE INDEX IF NOT EXISTS statements_actor ON statements (actor_id, sort_date, id);
        CREATE INDEX IF NOT EXISTS statements_order ON statements (sort_date, id);
        CREATE INDEX IF NOT EXISTS statements_report ON statements (report_id);
        -- One actor's statements on one target in page order: the evidence behind a position edge.
        CREATE INDEX IF NOT EXISTS statements_pair ON statements (actor_id, target_id, sort_date, id);
        -- The reports behind a position edge, in list order, from the index alone (statement ids for the curation check).
        CREATE INDEX IF NOT EXISTS statements_stance_reports ON statements (actor_id, target_id, stance, sort_date, report_id, id);
        CREATE TABLE IF NOT EXISTS curation (statement_id TEXT PRIMARY KEY, status TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS participations (
            actor_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (actor_id, event_id));
        CREATE INDEX IF NOT EXISTS events_process ON events (process_id);
        CREATE INDEX IF NOT EXISTS reports_date ON reports (date, id);
        CREATE INDEX IF NOT EXISTS reports_event ON reports (event_id);

        -- Derived position edges, one per (actor, target, stance) with at least one non-rejected statement:
        -- how many back it, in how many reports, and the first and last report dates (null when every report is undated).
        CREATE TABLE IF NOT EXISTS position_edges (
            actor_id TEXT NOT NULL, target_id TEXT NOT NULL, stance TEXT NOT NULL,
            statements INTEGER NOT NULL, first_date TEXT, last_date TEXT, reports INTEGER NOT NULL,
            PRIMARY KEY (actor_id, target_id, stance));
        CREATE INDEX IF NOT EXISTS position_edges_target ON position_edges (target_id, stance, statements DESC, actor_id);
        CREATE INDEX IF NOT EXISTS position_edges_actor ON position_edges (actor_id, statements DESC, target_id);

        -- Derived timeline: one row per actor, target, stance and period ('yyyy' and 'yyyy-MM', dated reports only) with
        -- its non-rejected statements, and per target, stance and period the distinct actors and statements.
        CREATE TABLE IF NOT EXISTS position_periods (
            actor_id TEXT NOT NULL, target_id TEXT NOT NULL, stance TEXT NOT NULL, period TEXT NOT NULL, statements INTEGER NOT NULL,
            PRIMARY KEY (actor_id, target_id, stance, period));
        CREATE INDEX IF NOT EXISTS position_periods_target ON position_periods (target_id, stance, period);
        CREATE TABLE IF NOT EXISTS timeline_periods (
            target_id TEXT NOT NULL, stance TEXT NOT NULL, period TEXT NOT NULL, actors INTEGER NOT NULL, statements INTEGER NOT NULL,
            PRIMARY KEY (target_id, period, stance));

        -- Curated edits of a statement (kept by statement id like curation, and applied again on re-ingest).
        CREATE TABLE IF NOT EXISTS statement_edits (statement_id TEXT PRIMARY KEY, stance TEXT, target_id TEXT);
        -- Curators' type and aliases of an actor (kept by actor id, and laid again over every write of it by a report or the
        -- taxonomy): the type they set (null: none) and the aliases they added or a merge moved onto it, as a JSON array.
        CREATE TABLE IF NOT EXISTS actor_edits (actor_id TEXT PRIMARY KEY, type TEXT, aliases TEXT NOT NULL DEFAULT '[]');
        -- A merged actor's old id and the id it now resolves to.
        CREATE TABLE IF NOT EXISTS actor_redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
            subject TEXT NOT NULL, before TEXT, after TEXT);
        CREATE INDEX IF NOT EXISTS audit_log_subject ON audit_log (subject, seq);

        -- An event lives while a report covers it. A new version of a report with another date or title covers another
        -- event, and the old one stayed behind with no report and its participants (events(actor) listed it); when the
        -- last report of an event goes, the event and who took part in it go with it, and a report that covers the event
        -- again (the new version of the same one) writes them anew. A trigger of its own, so files made before it gain it.
        CREATE TRIGGER IF NOT EXISTS reports_delete_event AFTER DELETE ON reports
        WHEN old.event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reports WHERE event_id = old.event_id) BEGIN
            DELETE FROM participations WHERE event_id = old.event_id;
            DELETE FROM events WHERE id = old.event_id;
        END;

        -- Who took part in an event: the actors of its statements that are not rejected. A report's write adds those of
        -- its statements in one statement (Participations.AddOfReportAsync; a trigger per inserted statement cost
        -- ingestion a tenth of its throughput, in system time). These triggers take them back whoever writes: a new
        -- version of one of the event's reports that drops an actor's sentences, a rejection (which leaves every
        -- answer), a merge moving statements. An event's statements are found through its few reports (reports_event,
        -- statements_report; CROSS JOIN and the unary + keep SQLite from scanning all of a prolific actor's statements
        -- instead), not an index of their own, which would cost every ingested statement one more index entry.
        CREATE TRIGGER IF NOT EXISTS statements_delete_participation AFTER DELETE ON statements WHEN old.event_id IS NOT NULL BEGIN
            {{ParticipationLeft}}
        END;
        CREATE TRIGGER IF NOT EXISTS statements_update_participation AFTER UPDATE OF actor_id, event_id ON statements BEGIN
            {{ParticipationLeft}}
            INSERT OR IGNORE INTO participations (actor_id, event_id) SELECT new.actor_id, new.event_id
            WHERE new.event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM curation WHERE statement_id = new.id AND status = 'rejected');
        END;
        CREATE TRIGGER IF NOT EXISTS curation_insert_participation AFTER INSERT ON curation BEGIN
            {{CuratedParticipation}}
        END;
        CREATE TRIGGER IF NOT EXISTS curation_update_participation AFTER UPDATE OF status ON curation BEGIN
            {{CuratedParticipation}}
        END;

        -- Search: documents in a plain table, indexed by an external-content FTS5 table kept in step by triggers,
        -- so a document is replaced by its key instead of a scan of the index. No stemmer: queries are prefix
        -- matches on the words as written (as in Neo4j's standard analyzer), and a stemmed index would miss
        -- prefixes such as 'vulnerab' (stored as 'vulner').
        CREATE TABLE IF NOT EXISTS search_docs (
            rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
            UNIQUE (kind, id));
        CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
            title, body, content='search_docs', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS search_docs_insert AFTER INSERT ON search_docs BEGIN
            INSERT INTO search_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;
        CREATE TRIGGER IF NOT EXISTS search_docs_delete AFTER DELETE ON search_docs BEGIN
            INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
        END;
        CREATE TRIGGER IF NOT EXISTS search_docs_update AFTER UPDATE ON search_docs BEGIN
            INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
            INSERT INTO search_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;
        -- The generation of the search documents: any change to them, by any process, advances it in the change's own
        -- transaction, so a cached ranking (SearchRankingCache) is known to be current by reading one row. Triggers of
        -- their own, so that files made before them gain them too.
        CREATE TABLE IF NOT EXISTS search_generation (id INTEGER PRIMARY KEY CHECK (id = 0), n INTEGER NOT NULL);
        INSERT OR IGNORE INTO search_generation (id, n) VALUES (0, 0);
        -- Each document's latest change and its generation, written by the same trigger that advances the generation, so
        -- the in-memory search index (SearchIndexFeed) reads what changed since the generation it holds. One trigger per
        -- event for both, since SQLite does not promise an order between triggers. Rowids are never updated.
        CREATE TABLE IF NOT EXISTS search_doc_changes (doc INTEGER PRIMARY KEY, generation INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS search_doc_changes_generation ON search_doc_changes (generation);
        DROP TRIGGER IF EXISTS search_docs_insert_generation;
        DROP TRIGGER IF EXISTS search_docs_delete_generation;
        DROP TRIGGER IF EXISTS search_docs_update_generation;
        CREATE TRIGGER IF NOT EXISTS search_docs_insert_changed AFTER INSERT ON search_docs BEGIN
            UPDATE search_generation SET n = n + 1;
            {{NewDocumentChanged}}
        END;
        CREATE TRIGGER IF NOT EXISTS search_docs_delete_changed AFTER DELETE ON search_docs BEGIN
            UPDATE search_generation SET n = n + 1;
            {{OldDocumentChanged}}
        END;
        CREATE TRIGGER IF NOT EXISTS search_docs_update_changed AFTER UPDATE ON search_docs BEGIN
            UPDATE search_generation SET n = n + 1;
            {{NewDocumentChanged}}
        END;
        """;
}
