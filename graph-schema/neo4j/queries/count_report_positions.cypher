// The totals behind find_report_positions: for each report (its index in $reportIds) its non-rejected statements
// (of $stance, when given).
UNWIND range(0, size($reportIds) - 1) AS i
WITH i, $reportIds[i] AS reportId
CALL (reportId) {
  OPTIONAL MATCH (s:Statement)
    WHERE s.reportId = reportId
      AND ($stance IS NULL OR s.stance = $stance)
      AND coalesce(s.status, 'extracted') <> 'rejected'
  RETURN count(s) AS total
}
RETURN i, total
ORDER BY i
