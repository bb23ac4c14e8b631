// Events by date range, process and an actor that took part; oldest first (undated last), then id, with the
// number of reports covering each.
MATCH (e:Event)
  WHERE ($from IS NULL OR e.date >= $from)
    AND ($to IS NULL OR e.date <= $to)
    AND ($processId IS NULL OR e.processId = $processId)
    AND ($actorId IS NULL OR EXISTS { MATCH (:Actor {id: $actorId})-[:PARTICIPATED_IN]->(e) })
WITH collect(e {.id, .title, .date, .processId, reports: COUNT { (:Report)-[:COVERS]->(e) }, sortDate: coalesce(e.date, '9999-12-31')}) AS events
CALL (events) {
  UNWIND events AS e
  WITH e
    WHERE $afterSort IS NULL OR e.sortDate > $afterSort OR (e.sortDate = $afterSort AND e.id > $afterId)
  WITH e
  ORDER BY e.sortDate, e.id
  LIMIT $limit
  RETURN collect(e) AS page
}
RETURN size(events) AS total, page
