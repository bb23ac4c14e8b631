// A curator's stance for a statement, on the statement and on its Curation node (which outlives re-ingestion).
MATCH (s:Statement {id: $statementId})
MERGE (c:Curation {statementId: $statementId})
SET s.stance = $stance, c.stance = $stance, c.updatedAt = $updatedAt
