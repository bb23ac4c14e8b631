// The evidence behind several position edges in one request: for each edge (its index in $pairs, an actor, a
// target and a stance) its first $limit non-rejected statements in the page order of find_positions (sortDate,
// then id). Each edge reads the composite index statement_actor_order (actorId, sortDate, id) in index order
// with an equality on the first key, so LIMIT stops every edge's scan after $limit rows. A merged actor's old
// id reads the statements of the actor it resolves to. An edge with a filter (dates, process, confidence, as in
// analyst_statement_edges) reads only the statements that pass it.
UNWIND range(0, size($pairs) - 1) AS edge
WITH edge, $pairs[edge] AS key
OPTIONAL MATCH (redirect:ActorRedirect {oldId: key.actorId})
WITH edge, key, coalesce(redirect.newId, key.actorId) AS actorId
CALL (key, actorId) {
  MATCH (s:Statement)
    WHERE s.actorId = actorId
      AND s.sortDate >= ''
      AND s.id IS NOT NULL
      AND s.targetId = key.targetId
      AND s.stance = key.stance
      AND coalesce(s.status, 'extracted') <> 'rejected'
      AND (key.from IS NULL OR (s.date IS NOT NULL AND s.date >= key.from))
      AND (key.to IS NULL OR (s.date IS NOT NULL AND s.date <= key.to))
      AND (key.minConfidence IS NULL OR s.confidence >= key.minConfidence)
      AND (key.processId IS NULL OR EXISTS { MATCH (ev:Event {id: s.eventId}) WHERE ev.processId = key.processId })
  WITH s
  ORDER BY s.actorId, s.sortDate, s.id
  LIMIT $limit
  RETURN s
}
RETURN edge,
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
ORDER BY edge, sortDate, id
