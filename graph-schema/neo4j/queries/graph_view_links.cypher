// Positions for a graph view: non-rejected statements passing the filters, grouped by (actor, stance,
// target), with how many back each one and the first and last report dates. $touching limits them to the
// statements of the given actors or targets (the ring a view grows from); null means the whole graph. Each
// branch of the union anchors on one index, as in find_positions.
CALL () {
  MATCH (s:Statement)
    WHERE s.actorId IN $touching
  RETURN s
  UNION
  MATCH (s:Statement)
    WHERE s.targetId IN $touching
  RETURN s
  UNION
  MATCH (s:Statement)
    WHERE $touching IS NULL
  RETURN s
}
WITH s
  WHERE coalesce(s.status, 'extracted') <> 'rejected'
    AND ($stances IS NULL OR s.stance IN $stances)
    AND ($minConfidence IS NULL OR s.confidence >= $minConfidence)
    AND ($from IS NULL OR s.date >= $from)
    AND ($to IS NULL OR s.date <= $to)
MATCH (a:Actor {id: s.actorId})
  WHERE $actorTypes IS NULL OR a.type IN $actorTypes
MATCH (t:Target {id: s.targetId})
OPTIONAL MATCH (e:Event {id: s.eventId})
WITH s, e
  WHERE $processId IS NULL OR e.processId = $processId
WITH s.actorId AS actorId, s.stance AS stance, s.targetId AS targetId, count(s) AS statements,
     min(s.date) AS first, max(s.date) AS last
  WHERE statements >= $minStatements
RETURN actorId, stance, targetId, statements, first, last
ORDER BY actorId, stance, targetId
