// How many statements match a filter, ignoring the page; the same anchors (target, else actor, else report,
// else every statement) and filters as find_positions.
CALL () {
  MATCH (s:Statement {targetId: $targetId})
  RETURN s
  UNION
  MATCH (s:Statement {actorId: $actorId})
    WHERE $targetId IS NULL
  RETURN s
  UNION
  MATCH (s:Statement {reportId: $reportId})
    WHERE $targetId IS NULL AND $actorId IS NULL
  RETURN s
  UNION
  MATCH (s:Statement)
    WHERE $targetId IS NULL AND $actorId IS NULL AND $reportId IS NULL
  RETURN s
}
WITH s
  WHERE ($actorId IS NULL OR s.actorId = $actorId)
    AND ($reportId IS NULL OR s.reportId = $reportId)
    AND ($stance IS NULL OR s.stance = $stance)
    AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
    AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
RETURN count(s) AS total
