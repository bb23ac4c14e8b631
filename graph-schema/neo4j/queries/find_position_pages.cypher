// The first page of several actors', targets' or reports' positions in one request: for each anchor (its index in
// $ids; $anchor says whether they are actor, target or report ids; a merged actor's old id answers for the actor it
// was merged into, as resolve_actor.cypher resolves it) its first $limit statements passing find_positions' filters,
// in their page order (sortDate, then id). Each branch reads its anchor's composite index (statement_actor_order,
// statement_target_order, statement_report_order) in index order with an equality on the first key, so LIMIT stops
// each anchor's scan after $limit rows; only the branch of $anchor finds any.
UNWIND range(0, size($ids) - 1) AS i
WITH i, $ids[i] AS asked
OPTIONAL MATCH (redirect:ActorRedirect {oldId: asked})
  WHERE $anchor = 'actor'
WITH i, coalesce(redirect.newId, asked) AS anchorId
CALL (anchorId) {
  MATCH (s:Statement)
    WHERE s.actorId = anchorId
      AND $anchor = 'actor'
      AND s.sortDate >= ''
      AND s.id IS NOT NULL
      AND ($targetId IS NULL OR s.targetId = $targetId)
      AND ($reportId IS NULL OR s.reportId = $reportId)
      AND ($stance IS NULL OR s.stance = $stance)
      AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
      AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
  WITH s
  ORDER BY s.actorId, s.sortDate, s.id
  LIMIT $limit
  RETURN s
  UNION ALL
  MATCH (s:Statement)
    WHERE s.targetId = anchorId
      AND $anchor = 'target'
      AND s.sortDate >= ''
      AND s.id IS NOT NULL
      AND ($actorId IS NULL OR s.actorId = $actorId)
      AND ($reportId IS NULL OR s.reportId = $reportId)
      AND ($stance IS NULL OR s.stance = $stance)
      AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
      AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
  WITH s
  ORDER BY s.targetId, s.sortDate, s.id
  LIMIT $limit
  RETURN s
  UNION ALL
  MATCH (s:Statement)
    WHERE s.reportId = anchorId
      AND $anchor = 'report'
      AND s.sortDate >= ''
      AND s.id IS NOT NULL
      AND ($actorId IS NULL OR s.actorId = $actorId)
      AND ($targetId IS NULL OR s.targetId = $targetId)
      AND ($stance IS NULL OR s.stance = $stance)
      AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
      AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
  WITH s
  ORDER BY s.reportId, s.sortDate, s.id
  LIMIT $limit
  RETURN s
}
RETURN i,
       s.id AS id,
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
ORDER BY i, sortDate, id
