// The audit entry a curation write left, found by the write's token: a resent write whose first attempt
// committed (its answer lost) answers with that entry instead of a second change.
MATCH (entry:AuditEntry {writeToken: $writeToken})
RETURN entry.seq AS seq, entry.at AS at, entry.before AS beforeValue, entry.after AS afterValue
