// A curator's target for a statement: the ABOUT relationship moves, and the choice is kept on the Curation node.
MATCH (s:Statement {id: $statementId})
MATCH (t:Target {id: $targetId})
OPTIONAL MATCH (s)-[old:ABOUT]->(:Target)
DELETE old
WITH DISTINCT s, t
MERGE (s)-[:ABOUT]->(t)
MERGE (c:Curation {statementId: $statementId})
SET s.targetId = $targetId, c.targetId = $targetId, c.updatedAt = $updatedAt
