// The audit log, oldest first, optionally about one subject (a merge is in the survivor's log as well: it gains the
// old actor's statements and names); keyset on the sequence.
MATCH (e:AuditEntry)
  WHERE $subject IS NULL OR e.subject = $subject OR (e.action = 'merge_actors' AND e.after = $subject)
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
