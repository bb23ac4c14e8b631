// Migration 4: composite indexes that serve a position page in its keyset order (sortDate, then id) for one
// target or one actor, so a page reads the index in order and stops at its limit instead of sorting every
// statement of the filter (statement_order, migration 2, does the same for unfiltered pages).
CREATE INDEX statement_target_order IF NOT EXISTS FOR (n:Statement) ON (n.targetId, n.sortDate, n.id);
CREATE INDEX statement_actor_order IF NOT EXISTS FOR (n:Statement) ON (n.actorId, n.sortDate, n.id);
