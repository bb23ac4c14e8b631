// A curator's target for a statement: the ABOUT relationship moves, the choice is kept on the Curation node, and
// the actor's position edge to the old target goes (the caller recomputes what remains of both pairs).
MATCH (s:Statement {id: $statementId})
MATCH (t:Target {id: $targetId})
OPTIONAL MATCH (s)-[old:ABOUT]->(:Target)
DELETE old
WITH DISTINCT s, t
OPTIONAL MATCH (:Actor {id: s.actorId})-[edge:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(:Target {id: s.targetId})
DELETE edge
WITH DISTINCT s, t
MERGE (s)-[:ABOUT]->(t)
MERGE (c:Curation {statementId: $statementId})
SET s.targetId = $targetId, c.targetId = $targetId, c.updatedAt = $updatedAt
