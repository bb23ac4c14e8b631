// Removes the replaced version of a source document and its statements, and returns the (actor, target)
// pairs whose derived position edges must be recomputed. Curation nodes stay on purpose: they are keyed
// by statement id, so a statement that survives the edit gets its decision back when it is re-created.
MATCH (r:Report {id: $reportId})
OPTIONAL MATCH (statement:Statement)-[:REPORTED_IN]->(r)
WITH r, collect(statement) AS statements
WITH r, statements, [s IN statements | {actorId: s.actorId, targetId: s.targetId}] AS pairs
FOREACH (s IN statements | DETACH DELETE s)
DETACH DELETE r
RETURN pairs
