// One page of a target's statements in the embedded store's keyset order (sortDate, then id), so cursors work
// across adapters. It reads the composite index statement_target_order (targetId, sortDate, id) in index order: an
// equality on the first key, a range the index can seek on the second (>= the cursor's date), and ORDER BY
// the index's keys in the index's order, so the plan has no Sort and LIMIT stops the scan at a full page.
// The tie on the cursor's own date is settled by id; the other filters apply on the way.
// (CypherPlanShapeTests checks these rules against the migrations; on a server, EXPLAIN shows it.)
MATCH (s:Statement)
  WHERE s.targetId = $targetId
    AND s.sortDate >= coalesce($afterDate, '')
    AND s.id IS NOT NULL
    AND ($afterDate IS NULL OR s.sortDate > $afterDate OR s.id > $afterId)
    AND ($actorId IS NULL OR s.actorId = $actorId)
    AND ($reportId IS NULL OR s.reportId = $reportId)
    AND ($stance IS NULL OR s.stance = $stance)
    AND ($includeRejected OR coalesce(s.status, 'extracted') <> 'rejected')
    AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
WITH s
ORDER BY s.targetId, s.sortDate, s.id
LIMIT $limit
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
