// Position edges aggregated from the statements that pass filters the stored edges cannot answer (report
// dates, the event's process, confidence): counts, first and last dates then describe those statements only.
// Undated statements never pass a date filter. Same order, cursor and answer shape as analyst_edges.
MATCH (s:Statement)
  WHERE ($targetId IS NULL OR s.targetId = $targetId)
    AND ($actorId IS NULL OR s.actorId = $actorId)
    AND ($stance IS NULL OR s.stance = $stance)
    AND coalesce(s.status, 'extracted') <> 'rejected'
    AND ($from IS NULL OR (s.date IS NOT NULL AND s.date >= $from))
    AND ($to IS NULL OR (s.date IS NOT NULL AND s.date <= $to))
    AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
    AND ($processId IS NULL OR EXISTS { MATCH (ev:Event {id: s.eventId}) WHERE ev.processId = $processId })
MATCH (a:Actor {id: s.actorId})
  WHERE $actorType IS NULL OR a.type = $actorType
WITH s.actorId AS actorId, s.targetId AS targetId, s.stance AS stance, count(s) AS statements, min(s.date) AS first, max(s.date) AS last
WITH collect({actorId: actorId, targetId: targetId, stance: stance, statements: statements, first: first, last: last}) AS edges
CALL (edges) {
  UNWIND edges AS e
  WITH e
    WHERE $afterCount IS NULL
       OR e.statements < $afterCount
       OR (e.statements = $afterCount AND (e.actorId > $afterActor
           OR (e.actorId = $afterActor AND (e.targetId > $afterTarget OR (e.targetId = $afterTarget AND e.stance > $afterStance)))))
  WITH e
  ORDER BY e.statements DESC, e.actorId, e.targetId, e.stance
  LIMIT $limit
  RETURN collect(e) AS page
}
RETURN size(edges) AS total, page
