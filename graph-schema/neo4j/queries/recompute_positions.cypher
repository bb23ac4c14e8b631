// Derived position edges, one per (actor, stance, target), carrying how many non-rejected statements back
// it and the first and last report dates (undated reports count but give no date). They are recomputed
// for every pair a write touched, never patched, so re-ingest and curation cannot leave them stale.
// Relationship types come from this fixed list, chosen by stance, never built from a string.
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair.actorId})
MATCH (t:Target {id: pair.targetId})
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
