// Reports by date range, the process of the event they cover and an actor with a non-rejected statement in them; oldest
// first (undated last), then id, paged by the same keyset cursor as the embedded store.
MATCH (r:Report)
  WHERE ($from IS NULL OR r.date >= $from)
    AND ($to IS NULL OR r.date <= $to)
    AND ($processId IS NULL OR EXISTS { MATCH (ev:Event {id: r.eventId}) WHERE ev.processId = $processId })
    AND ($actorId IS NULL OR EXISTS { MATCH (s:Statement {reportId: r.id}) WHERE s.actorId = $actorId AND coalesce(s.status, 'extracted') <> 'rejected' })
WITH collect(r {.id, .title, .date, .source, .format, .extractorVersion, .ingestedAt, .eventId, sortDate: coalesce(r.date, '9999-12-31')}) AS reports
CALL (reports) {
  UNWIND reports AS r
  WITH r
    WHERE $afterSort IS NULL OR r.sortDate > $afterSort OR (r.sortDate = $afterSort AND r.id > $afterId)
  WITH r
  ORDER BY r.sortDate, r.id
  LIMIT $limit
  RETURN collect(r) AS page
}
RETURN size(reports) AS total, page
