// Run at every start, after the migrations: a build from before migration 8 that still writes to this graph (a
// replica not yet upgraded) replaces a report by its source alone and knows nothing of ReportSource. The text it
// writes is then held by no edge from its source, whose node may still hold another text. The source a report shows
// holds it: each report missing that edge gets it, and its source lets go of any other text, as the embedded store
// does when such a build has written to its file. Nothing to repair costs one pass over the reports.
//
// Locks: the source's node (merged, then locked), then the report, as apply_report takes them.
MATCH (r:Report)
  WHERE r.source IS NOT NULL AND NOT EXISTS { MATCH (:ReportSource {source: r.source})-[:HOLDS]->(r) }
WITH r
ORDER BY r.source
CALL (r) {
  MERGE (source:ReportSource {source: r.source})
  SET source.writeLock = true
  REMOVE source.writeLock
  WITH source, r
  OPTIONAL MATCH (source)-[held:HOLDS]->(:Report)
  DELETE held
  WITH DISTINCT source, r
  MERGE (source)-[:HOLDS]->(r)
}
RETURN count(r) AS repaired
