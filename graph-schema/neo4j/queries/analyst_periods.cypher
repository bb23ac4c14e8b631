// Reports and non-rejected statements per period (the first $length characters of the report date).
MATCH (r:Report)
  WHERE r.date IS NOT NULL
RETURN 'reports' AS kind, substring(r.date, 0, $length) AS period, count(r) AS n
UNION ALL
MATCH (s:Statement)
  WHERE s.date IS NOT NULL AND coalesce(s.status, 'extracted') <> 'rejected'
RETURN 'statements' AS kind, substring(s.date, 0, $length) AS period, count(s) AS n
