// Migration 2: the indexes the position queries and re-ingest need beyond the id constraints.
// Statements keep their actor, target and sort keys as properties (as the embedded store does) so a
// filter is one index seek and keyset paging compares the same (sortDate, id) pair in both stores.
CREATE INDEX statement_target IF NOT EXISTS FOR (n:Statement) ON (n.targetId);
CREATE INDEX statement_actor IF NOT EXISTS FOR (n:Statement) ON (n.actorId);
CREATE INDEX statement_order IF NOT EXISTS FOR (n:Statement) ON (n.sortDate, n.id);
CREATE INDEX report_source IF NOT EXISTS FOR (n:Report) ON (n.source);
CREATE INDEX report_ingested IF NOT EXISTS FOR (n:Report) ON (n.ingestedAt, n.id);
