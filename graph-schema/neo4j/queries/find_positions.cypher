// One page of statements in keyset order (sortDate, then id): the embedded store's order and cursor, so
// cursors work across adapters. Each branch of the union anchors on one index (the target's statements,
// else the actor's, else all); the remaining filters and the cursor apply to whichever branch answered.
CALL () {
  MATCH (s:Statement {targetId: $targetId})
  RETURN s
  UNION
  MATCH (s:Statement {actorId: $actorId})
    WHERE $targetId IS NULL
  RETURN s
  UNION
  MATCH (s:Statement)
    WHERE $targetId IS NULL AND $actorId IS NULL
  RETURN s
}
WITH s
  WHERE ($actorId IS NULL OR s.actorId = $actorId)
    AND ($stance IS NULL OR s.stance = $stance)
    AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
    AND ($afterDate IS NULL OR s.sortDate > $afterDate OR (s.sortDate = $afterDate AND s.id > $afterId))
RETURN s.id AS id,
       s.actorId AS actorId,
       s.stance AS stance,
       s.targetId AS targetId,
       s.evidence AS evidence,
       s.evidenceStart AS evidenceStart,
       s.evidenceLength AS evidenceLength,
       s.confidence AS confidence,
       coalesce(s.status, 'extracted') AS status,
       s.reportId AS reportId,
       s.date AS date,
       s.eventId AS eventId,
       s.sortDate AS sortDate
ORDER BY sortDate, id
LIMIT $limit
