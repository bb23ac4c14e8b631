// Migration 8: which sources hold which report. A report's id is its text's hash, so copies of one text under
// several names are one report, held by one ReportSource node per name; it leaves the graph when the last of them
// moves on. The key is unique, so two writers of one source serialise on its node. A graph written before this
// migration gets one node per report's own source (a source then held one report). report_source (migration 2)
// is no longer read.
CREATE CONSTRAINT report_source_key IF NOT EXISTS FOR (n:ReportSource) REQUIRE n.source IS UNIQUE;
MATCH (r:Report) WHERE r.source IS NOT NULL
MERGE (s:ReportSource {source: r.source})
MERGE (s)-[:HOLDS]->(r);
DROP INDEX report_source IF EXISTS;
