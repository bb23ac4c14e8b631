// Migration 6: what the analysts' queries need beyond the position queries: report titles and texts in a
// full-text index of their own (searched beside graph_text), the audit log's order, and merged actors' redirects.
CREATE FULLTEXT INDEX report_text IF NOT EXISTS FOR (n:Report) ON EACH [n.title, n.text];
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
CREATE INDEX audit_entry_subject IF NOT EXISTS FOR (n:AuditEntry) ON (n.subject);
CREATE CONSTRAINT actor_redirect_old IF NOT EXISTS FOR (n:ActorRedirect) REQUIRE n.oldId IS UNIQUE;
CREATE INDEX statement_report IF NOT EXISTS FOR (n:Statement) ON (n.reportId);
CREATE INDEX report_date IF NOT EXISTS FOR (n:Report) ON (n.date);
