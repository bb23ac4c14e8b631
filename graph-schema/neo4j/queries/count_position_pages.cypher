// The totals behind find_position_pages: for each anchor (its index in $ids, resolved as there) how many statements pass
// the filters. An anchor without any has no row.
UNWIND range(0, size($ids) - 1) AS i
WITH i, $ids[i] AS asked
OPTIONAL MATCH (redirect:ActorRedirect {oldId: asked})
  WHERE $anchor = 'actor'
WITH i, coalesce(redirect.newId, asked) AS anchorId
CALL (anchorId) {
  MATCH (s:Statement)
    WHERE s.actorId = anchorId
      AND $anchor = 'actor'
      AND ($targetId IS NULL OR s.targetId = $targetId)
      AND ($reportId IS NULL OR s.reportId = $reportId)
      AND ($stance IS NULL OR s.stance = $stance)
      AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
      AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
  RETURN s
  UNION ALL
  MATCH (s:Statement)
    WHERE s.targetId = anchorId
      AND $anchor = 'target'
      AND ($actorId IS NULL OR s.actorId = $actorId)
      AND ($reportId IS NULL OR s.reportId = $reportId)
      AND ($stance IS NULL OR s.stance = $stance)
      AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
      AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
  RETURN s
  UNION ALL
  MATCH (s:Statement)
    WHERE s.reportId = anchorId
      AND $anchor = 'report'
      AND ($actorId IS NULL OR s.actorId = $actorId)
      AND ($targetId IS NULL OR s.targetId = $targetId)
      AND ($stance IS NULL OR s.stance = $stance)
      AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
      AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
  RETURN s
}
RETURN i, count(s) AS total
ORDER BY i
