// Appends one entry to the audit log; the counter node hands out the sequence inside the same transaction.
MERGE (counter:AuditCounter {id: 'audit'})
SET counter.next = coalesce(counter.next, 0) + 1
CREATE (e:AuditEntry {seq: counter.next, at: $at, who: $who, action: $action, subject: $subject, before: $before, after: $after})
RETURN e.seq AS seq
