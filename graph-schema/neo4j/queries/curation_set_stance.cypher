// A curator's stance for a statement, on the statement and on its Curation node (which outlives re-ingestion);
// the pair's old position edges go, and the caller recomputes them.
MATCH (s:Statement {id: $statementId})
OPTIONAL MATCH (:Actor {id: s.actorId})-[edge:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(:Target {id: s.targetId})
DELETE edge
WITH DISTINCT s
MERGE (c:Curation {statementId: $statementId})
SET s.stance = $stance, c.stance = $stance, c.updatedAt = $updatedAt
