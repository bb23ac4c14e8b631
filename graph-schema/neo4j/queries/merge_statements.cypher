// A report's statements, batched. Each statement node is merged on its id first, then the relationships
// between bound nodes. An id met twice in one report keeps its first sentence. The curation decision is
// copied from the Curation node (which outlives statements) so filters read one property.
MATCH (r:Report {id: $reportId})
OPTIONAL MATCH (e:Event {id: $eventId})
UNWIND $statements AS row
MERGE (s:Statement {id: row.id})
ON CREATE SET s.stance = row.stance,
              s.evidence = row.evidence,
              s.evidenceStart = row.evidenceStart,
              s.evidenceLength = row.evidenceLength,
              s.confidence = row.confidence,
              s.speakerId = row.speakerId,
              s.actorId = row.actorId,
              s.targetId = row.targetId,
              s.reportId = r.id,
              s.eventId = e.id,
              s.date = $date,
              s.sortDate = $sortDate
MERGE (s)-[:REPORTED_IN]->(r)
WITH e, s, row
OPTIONAL MATCH (c:Curation {statementId: row.id})
SET s.status = coalesce(c.status, 'extracted')
WITH e, s, row
OPTIONAL MATCH (a:Actor {id: row.actorId})
OPTIONAL MATCH (t:Target {id: row.targetId})
FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (a)-[:MADE]->(s))
FOREACH (x IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (s)-[:ABOUT]->(t))
FOREACH (x IN CASE WHEN e IS NULL THEN [] ELSE [1] END | MERGE (s)-[:AT]->(e))
FOREACH (x IN CASE WHEN a IS NULL OR e IS NULL THEN [] ELSE [1] END | MERGE (a)-[:PARTICIPATED_IN]->(e))
