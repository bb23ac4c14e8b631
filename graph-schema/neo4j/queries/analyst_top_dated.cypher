// analyst_top within a date range: the most supported targets (distinct actors with a supporting statement) and the
// most active actors (statements), counting only non-rejected statements of reports dated between $from and $to
// (either may be null; undated statements never count), as the embedded store does.
CALL () {
  MATCH (s:Statement)
    WHERE s.stance = 'support'
      AND coalesce(s.status, 'extracted') <> 'rejected'
      AND s.date IS NOT NULL
      AND ($from IS NULL OR s.date >= $from)
      AND ($to IS NULL OR s.date <= $to)
  WITH s.targetId AS name, count(DISTINCT s.actorId) AS n
  ORDER BY n DESC, name
  LIMIT $top
  RETURN collect({name: name, count: n}) AS supported
}
CALL () {
  MATCH (s:Statement)
    WHERE coalesce(s.status, 'extracted') <> 'rejected'
      AND s.date IS NOT NULL
      AND ($from IS NULL OR s.date >= $from)
      AND ($to IS NULL OR s.date <= $to)
  WITH s.actorId AS name, count(*) AS n
  ORDER BY n DESC, name
  LIMIT $top
  RETURN collect({name: name, count: n}) AS active
}
RETURN supported, active
