// The reports behind several position edges in one request: for each edge (its index in $pairs, an actor, a target
// and a stance) the reports holding a non-rejected statement of it, oldest first (undated last), then id; the page
// after ($afterSort, $afterId), the same keyset for every edge, of at most $limit rows, and the edge's total. Each
// edge reads the composite index statement_actor_order (actorId, sortDate, id) with an equality on its first key. A
// merged actor's old id reads the reports of the actor it resolves to. An edge with a filter (dates, process,
// confidence, as in analyst_statement_edges) counts only the statements that pass it.
UNWIND range(0, size($pairs) - 1) AS edge
WITH edge, $pairs[edge] AS key
OPTIONAL MATCH (redirect:ActorRedirect {oldId: key.actorId})
WITH edge, key, coalesce(redirect.newId, key.actorId) AS actorId
CALL (key, actorId) {
  OPTIONAL MATCH (s:Statement)
    WHERE s.actorId = actorId
      AND s.targetId = key.targetId
      AND s.stance = key.stance
      AND coalesce(s.status, 'extracted') <> 'rejected'
      AND (key.from IS NULL OR (s.date IS NOT NULL AND s.date >= key.from))
      AND (key.to IS NULL OR (s.date IS NOT NULL AND s.date <= key.to))
      AND (key.minConfidence IS NULL OR s.confidence >= key.minConfidence)
      AND (key.processId IS NULL OR EXISTS { MATCH (ev:Event {id: s.eventId}) WHERE ev.processId = key.processId })
  WITH DISTINCT s.reportId AS reportId
  OPTIONAL MATCH (r:Report {id: reportId})
  WITH r, coalesce(r.date, '9999-12-31') AS sortDate
  ORDER BY sortDate, r.id
  WITH collect(r {.id, .title, .date, .source, .format, .extractorVersion, .ingestedAt, .eventId, sortDate: sortDate}) AS reports
  RETURN size(reports) AS total,
         [x IN reports WHERE $afterSort IS NULL OR x.sortDate > $afterSort OR (x.sortDate = $afterSort AND x.id > $afterId)][0..$limit] AS page
}
RETURN edge, total, page
ORDER BY edge
