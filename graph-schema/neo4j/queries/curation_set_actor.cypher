// A curator's aliases or type for an actor. The caller read the actor and computed its new aliases and type and
// the audit values from them. The decision itself is also kept apart, where reports and the taxonomy never write
// ($curatedType in curatedType, $curatorAlias added to curatorAliases; null: not this change), so each later write of
// the actor lays it over what it brings; the change is made only while the actor still has what the caller read
// ($expectedAliases, $expectedType), checked under the actor's lock, so two curators adding aliases at once
// cannot lose one (the caller reads again and retries). No row back: the actor changed or is gone, or this write
// was made.
// The change and its audit entry are one auto-commit request, so they commit together or not at all. The
// write token makes a resend safe: once an entry carries it, nothing is changed again, and the caller reads that
// entry back (curation_replay.cypher). It is checked after the locks, so a resend waits for an attempt still
// running and then sees its entry.
MATCH (a:Actor {id: $actorId})
SET a.writeLock = true
REMOVE a.writeLock
WITH a
  WHERE coalesce(a.aliases, []) = $expectedAliases AND a.type = $expectedType
    AND NOT EXISTS { MATCH (:AuditEntry {writeToken: $writeToken}) }
SET a.aliases = $aliases,
    a.type = $type,
    a.curatedType = coalesce($curatedType, a.curatedType),
    a.curatorAliases = CASE
                         WHEN $curatorAlias IS NULL
                           OR any(k IN coalesce(a.curatorAliases, []) WHERE toUpper(k) = toUpper($curatorAlias))
                           THEN a.curatorAliases
                         ELSE coalesce(a.curatorAliases, []) + [$curatorAlias]
                       END
WITH $before AS beforeValue, $after AS afterValue
// BEGIN audit (the same text in every curation_*.cypher that changes something; a test keeps them equal)
// The audit counter is locked last, after every node the change locked, so curators queue on it only once
// their change is made; its lock is taken before it is read, so no two entries get the same number.
CALL (beforeValue, afterValue) {
  MERGE (counter:AuditCounter {id: 'audit'})
  SET counter.writeLock = true
  REMOVE counter.writeLock
  WITH counter
  SET counter.next = coalesce(counter.next, 0) + 1
  CREATE (entry:AuditEntry {seq: counter.next, at: $at, who: $who, action: $action, subject: $subject,
                            before: beforeValue, after: afterValue, writeToken: $writeToken})
  RETURN entry.seq AS seq, entry.at AS at
}
// END audit
RETURN seq, at, beforeValue, afterValue
