// Curation, in one auto-commit request. The decision lives on a Curation node keyed by statement id, which
// re-ingest never deletes, and is copied onto the statement for filtering. No row back means no statement
// has that id.
//
// Locks follow apply_report's global order: the statement's actor, then its target, then its event, and only
// then the statement and its curation node. The statement is looked up again once they are held: a re-ingest of
// its report that was running meanwhile has committed by then, and the statement read is the one it left
// (the same id when the sentence survived the edit). The pair's position edges and the actor's part in the event
// are recomputed under the same locks, so a concurrent ingest cannot overwrite them with what misses this decision.
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
MERGE (c:Curation {statementId: $statementId})
SET c.status = $status, c.updatedAt = $updatedAt, statement.status = $status
WITH statement, [{actorId: statement.actorId, targetId: statement.targetId}] AS pairs,
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
RETURN statement.actorId AS actorId, statement.targetId AS targetId
