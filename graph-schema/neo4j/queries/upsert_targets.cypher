// Norms, principles and proposals. Every target carries the common Target label (one constraint, one
// lookup by id) plus the label of its kind, chosen from this fixed list rather than built from a string.
// A missing description or framework never erases a known one: proposals found in text have neither.
UNWIND $targets AS row
MERGE (t:Target {id: row.id})
SET t.name = row.name,
    t.kind = row.kind,
    t.description = coalesce(row.description, t.description),
    t.frameworkId = coalesce(row.frameworkId, t.frameworkId)
FOREACH (x IN CASE WHEN row.kind = 'norm' THEN [1] ELSE [] END | SET t:Norm)
FOREACH (x IN CASE WHEN row.kind <> 'norm' THEN [1] ELSE [] END | REMOVE t:Norm)
FOREACH (x IN CASE WHEN row.kind = 'principle' THEN [1] ELSE [] END | SET t:Principle)
FOREACH (x IN CASE WHEN row.kind <> 'principle' THEN [1] ELSE [] END | REMOVE t:Principle)
FOREACH (x IN CASE WHEN row.kind = 'proposal' THEN [1] ELSE [] END | SET t:Proposal)
FOREACH (x IN CASE WHEN row.kind <> 'proposal' THEN [1] ELSE [] END | REMOVE t:Proposal)
WITH t
OPTIONAL MATCH (t)-[stale:DEFINED_IN]->(other:Framework)
WHERE other.id <> t.frameworkId
DELETE stale
WITH DISTINCT t
MATCH (f:Framework {id: t.frameworkId})
MERGE (t)-[:DEFINED_IN]->(f)
