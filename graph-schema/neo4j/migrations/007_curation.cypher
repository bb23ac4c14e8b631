// Migration 7: curation as one request per change, and a report's own position page.
// The audit counter is unique, so two first entries written at once cannot each create a counter of their own
// (MERGE on a constrained key serialises). Each audit entry keeps the token of the write that made it, so a
// change resent after its answer was lost finds its entry instead of being made twice. A report's statements
// page in the embedded store's keyset order from an index of their own, as an actor's and a target's do. The
// taxonomy's version node is unique for the same reason as the counter.
CREATE CONSTRAINT audit_counter_id IF NOT EXISTS FOR (n:AuditCounter) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_token IF NOT EXISTS FOR (n:AuditEntry) ON (n.writeToken);
CREATE INDEX statement_report_order IF NOT EXISTS FOR (n:Statement) ON (n.reportId, n.sortDate, n.id);
CREATE CONSTRAINT taxonomy_version_id IF NOT EXISTS FOR (n:TaxonomyVersion) REQUIRE n.id IS UNIQUE;
