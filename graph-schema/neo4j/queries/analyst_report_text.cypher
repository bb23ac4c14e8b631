// A report's source text.
MATCH (r:Report {id: $reportId})
RETURN r.text AS text
