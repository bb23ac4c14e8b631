// Curation. The decision lives on a Curation node keyed by statement id, which re-ingest never deletes,
// and is copied onto the statement for filtering. No row back means no statement has that id.
MATCH (s:Statement {id: $statementId})
MERGE (c:Curation {statementId: $statementId})
SET c.status = $status, c.updatedAt = $updatedAt, s.status = $status
RETURN s.actorId AS actorId, s.targetId AS targetId
