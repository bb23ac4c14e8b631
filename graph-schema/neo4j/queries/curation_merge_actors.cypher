// Merges actor $oldId into $newId (the caller resolved $newId through redirects): statements and
// participations move, the survivor takes the merged aliases (its own, then the old actor's name and aliases,
// none equal to its name, each once whatever its case) and keeps the moved ones as curators' (curatorAliases, which
// later reports and taxonomies keep), the old node goes with its position edges, and a redirect
// keeps the old id answering. Redirects stay flat: any that pointed at the old actor now point at the new one.
// No row back: either actor is missing (or they are one), or this write was made.
// The change and its audit entry are one auto-commit request, so they commit together or not at all. The
// write token makes a resend safe: once an entry carries it, nothing is changed again, and the caller reads that
// entry back (curation_replay.cypher). It is checked after the locks, so a resend waits for an attempt still
// running and then sees its entry.
//
// Locks: both actors in id order, then every target the old actor has statements about in id order (reading
// them is safe once the old actor is locked: a report adds statements to an actor only under its lock). The
// survivor's position edges on those targets are recomputed under them.
CALL () {
  UNWIND [$oldId, $newId] AS actorId
  WITH DISTINCT actorId
  ORDER BY actorId
  CALL (actorId) {
    MATCH (a:Actor {id: actorId})
    SET a.writeLock = true
    REMOVE a.writeLock
  }
  RETURN count(*) AS actorLocks
}
CALL () {
  MATCH (:Actor {id: $oldId})-[:MADE]->(s:Statement)
  WITH DISTINCT s.targetId AS targetId
  ORDER BY targetId
  CALL (targetId) {
    MATCH (t:Target {id: targetId})
    SET t.writeLock = true
    REMOVE t.writeLock
  }
  RETURN collect(targetId) AS targetIds
}
MATCH (old:Actor {id: $oldId})
MATCH (new:Actor {id: $newId})
  WHERE old <> new AND NOT EXISTS { MATCH (:AuditEntry {writeToken: $writeToken}) }
CALL (old, new) {
  MATCH (old)-[made:MADE]->(s:Statement)
  MERGE (new)-[:MADE]->(s)
  SET s.actorId = new.id
  DELETE made
}
CALL (old, new) {
  MATCH (old)-[took:PARTICIPATED_IN]->(e:Event)
  MERGE (new)-[:PARTICIPATED_IN]->(e)
  DELETE took
}
CALL (old, new) {
  MATCH (r:ActorRedirect {newId: old.id})
  SET r.newId = new.id
}
WITH old, new, targetIds, [x IN [old.name] + coalesce(old.aliases, []) WHERE toUpper(x) <> toUpper(new.name)] AS moved
WITH old, new, targetIds, moved, [x IN coalesce(new.aliases, []) WHERE toUpper(x) <> toUpper(new.name)] + moved AS candidates
WITH old, new, targetIds, moved,
     reduce(kept = [], x IN candidates | CASE WHEN any(k IN kept WHERE toUpper(k) = toUpper(x)) THEN kept ELSE kept + [x] END) AS aliases
SET new.aliases = aliases,
    new.curatorAliases = reduce(kept = coalesce(new.curatorAliases, []), x IN moved |
                           CASE WHEN any(k IN kept WHERE toUpper(k) = toUpper(x)) THEN kept ELSE kept + [x] END)
MERGE (redirect:ActorRedirect {oldId: old.id})
SET redirect.newId = new.id
WITH old, new, targetIds, old.id AS beforeValue, new.id AS afterValue
DETACH DELETE old
WITH beforeValue, afterValue, [t IN targetIds | {actorId: new.id, targetId: t}] AS pairs
  // BEGIN recompute (the same text as in apply_report.cypher; a test keeps them equal)
  CALL (pairs) {
    UNWIND pairs AS pair
    WITH DISTINCT pair.actorId AS actorId, pair.targetId AS targetId
    MATCH (a:Actor {id: actorId})
    MATCH (t:Target {id: targetId})
    OPTIONAL MATCH (a)-[old:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(t)
    DELETE old
    WITH DISTINCT a, t
    OPTIONAL MATCH (a)-[:MADE]->(s:Statement)-[:ABOUT]->(t)
      WHERE coalesce(s.status, 'extracted') <> 'rejected'
    WITH a, t, s.stance AS stance, count(s) AS statements, min(s.date) AS firstDate, max(s.date) AS lastDate
      WHERE stance IS NOT NULL
    FOREACH (x IN CASE WHEN stance = 'support' THEN [1] ELSE [] END |
      MERGE (a)-[p:SUPPORTS]->(t) SET p.statements = statements, p.first = firstDate, p.last = lastDate)
    FOREACH (x IN CASE WHEN stance = 'oppose' THEN [1] ELSE [] END |
      MERGE (a)-[p:OPPOSES]->(t) SET p.statements = statements, p.first = firstDate, p.last = lastDate)
    FOREACH (x IN CASE WHEN stance = 'propose' THEN [1] ELSE [] END |
      MERGE (a)-[p:PROPOSED]->(t) SET p.statements = statements, p.first = firstDate, p.last = lastDate)
    FOREACH (x IN CASE WHEN stance = 'concern' THEN [1] ELSE [] END |
      MERGE (a)-[p:CONCERNED_ABOUT]->(t) SET p.statements = statements, p.first = firstDate, p.last = lastDate)
  }
  // END recompute
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
