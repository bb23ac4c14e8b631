// The first page of several reports' positions in one request: for each report (its index in $reportIds) its first
// $limit non-rejected statements (of $stance, when given) in the page order of find_positions_by_report (sortDate,
// then id), read from the composite index statement_report_order (reportId, sortDate, id) in index order with an
// equality on the first key, so LIMIT stops each report's scan after $limit rows.
UNWIND range(0, size($reportIds) - 1) AS i
WITH i, $reportIds[i] AS reportId
CALL (reportId) {
  MATCH (s:Statement)
    WHERE s.reportId = reportId
      AND s.sortDate >= ''
      AND s.id IS NOT NULL
      AND ($stance IS NULL OR s.stance = $stance)
      AND coalesce(s.status, 'extracted') <> 'rejected'
  WITH s
  ORDER BY s.reportId, s.sortDate, s.id
  LIMIT $limit
  RETURN s
}
RETURN i,
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
ORDER BY i, sortDate, id
