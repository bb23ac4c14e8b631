// A curator confirms or rejects a statement. No row back: no statement has that id, or this write was made.
// The change and its audit entry are one auto-commit request, so they commit together or not at all. The
// write token makes a resend safe: once an entry carries it, nothing is changed again, and the caller reads that
// entry back (curation_replay.cypher). It is checked after the locks, so a resend waits for an attempt still
// running and then sees its entry.
//
// Locks as set_statement_status.cypher: the statement's actor, its target and its event, then the statement is read
// again (a re-ingest that was running has committed by then); the pair's position edges and the actor's part in the
// event are recomputed under them.
MATCH (first:Statement {id: $statementId})
WITH first.actorId AS actorId, first.targetId AS targetId, first.eventId AS eventId
CALL (actorId) {
  MATCH (a:Actor {id: actorId})
  SET a.writeLock = true
  REMOVE a.writeLock
}
CALL (targetId) {
  MATCH (t:Target {id: targetId})
  SET t.writeLock = true
  REMOVE t.writeLock
}
CALL (eventId) {
  MATCH (e:Event {id: eventId})
  SET e.writeLock = true
  REMOVE e.writeLock
}
MATCH (statement:Statement {id: $statementId})
  WHERE NOT EXISTS { MATCH (:AuditEntry {writeToken: $writeToken}) }
WITH statement, coalesce(statement.status, 'extracted') AS beforeValue, $status AS afterValue
MERGE (c:Curation {statementId: $statementId})
SET c.status = $status, c.updatedAt = $updatedAt, statement.status = $status
WITH beforeValue, afterValue, [{actorId: statement.actorId, targetId: statement.targetId}] AS pairs,
     [x IN [statement.eventId] WHERE x IS NOT NULL] AS eventIds
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
  // BEGIN participation (the same text wherever statements or their status change; a test keeps them equal)
  // Who took part in an event: the actors with a statement there that is not rejected, recomputed for every actor
  // and event the write touched, both locked by then.
  CALL (pairs, eventIds) {
    UNWIND pairs AS pair
    WITH DISTINCT pair.actorId AS actorId
    MATCH (a:Actor {id: actorId})
    UNWIND eventIds AS eventId
    MATCH (e:Event {id: eventId})
    OPTIONAL MATCH (a)-[took:PARTICIPATED_IN]->(e)
    DELETE took
    WITH DISTINCT a, e
      WHERE EXISTS {
        MATCH (a)-[:MADE]->(s:Statement)-[:AT]->(e)
          WHERE coalesce(s.status, 'extracted') <> 'rejected'
      }
    MERGE (a)-[:PARTICIPATED_IN]->(e)
  }
  // END participation
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
