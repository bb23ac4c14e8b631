// A target's timeline: per period (the first $length characters of the report date: 4 for years, 7 for
// months) and stance, the distinct actors and the statements. Undated and rejected statements are left out.
MATCH (s:Statement {targetId: $targetId})
  WHERE coalesce(s.status, 'extracted') <> 'rejected' AND s.date IS NOT NULL
RETURN substring(s.date, 0, $length) AS period, s.stance AS stance, count(DISTINCT s.actorId) AS actors, count(s) AS statements
