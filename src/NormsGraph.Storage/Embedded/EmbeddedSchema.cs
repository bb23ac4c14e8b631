namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Tables of the embedded store. Curation lives in its own table keyed by statement id, so a
/// statement deleted by a re-ingest and recreated with the same id gets its decision back.
/// </summary>
internal static class EmbeddedSchema
{
    public const int Version = 1;

    public const string Create = """
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
            extractor_version TEXT NOT NULL, ingested_at TEXT NOT NULL, event_id TEXT);
        CREATE INDEX IF NOT EXISTS reports_source ON reports (source);
        CREATE TABLE IF NOT EXISTS statements (
            id TEXT PRIMARY KEY, report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
            actor_id TEXT NOT NULL, target_id TEXT NOT NULL, stance TEXT NOT NULL, evidence TEXT NOT NULL,
            evidence_start INTEGER NOT NULL, evidence_length INTEGER NOT NULL, confidence REAL NOT NULL,
            speaker_id TEXT, sort_date TEXT NOT NULL, event_id TEXT);
        CREATE INDEX IF NOT EXISTS statements_target ON statements (target_id, sort_date, id);
        CREATE INDEX IF NOT EXISTS statements_actor ON statements (actor_id, sort_date, id);
        CREATE INDEX IF NOT EXISTS statements_order ON statements (sort_date, id);
        CREATE INDEX IF NOT EXISTS statements_report ON statements (report_id);
        CREATE TABLE IF NOT EXISTS curation (statement_id TEXT PRIMARY KEY, status TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS participations (
            actor_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (actor_id, event_id));
        """;
}
