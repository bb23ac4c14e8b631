// The audit log, oldest first, optionally about one subject; keyset on the sequence.
MATCH (e:AuditEntry)
  WHERE $subject IS NULL OR e.subject = $subject
WITH collect(e {.seq, .at, .who, .action, .subject, .before, .after}) AS entries
CALL (entries) {
  UNWIND entries AS e
  WITH e
    WHERE e.seq > $afterSeq
  WITH e
  ORDER BY e.seq
  LIMIT $limit
  RETURN collect(e) AS page
}
RETURN size(entries) AS total, page
