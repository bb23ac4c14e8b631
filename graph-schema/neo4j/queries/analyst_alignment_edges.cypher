// For alignment: every position edge of the actor and of each actor that took a stance on one of its targets.
// The others' whole record is needed (the similarity divides by the union of targets), not only the overlap.
MATCH (me:Actor {id: $actorId})
OPTIONAL MATCH (me)-[:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(:Target)<-[:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]-(other:Actor)
  WHERE other <> me
WITH me, collect(DISTINCT other) AS others
UNWIND [me] + others AS a
MATCH (a)-[p:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(t:Target)
RETURN a.id AS actorId, t.id AS targetId,
       CASE type(p) WHEN 'SUPPORTS' THEN 'support' WHEN 'OPPOSES' THEN 'oppose' WHEN 'PROPOSED' THEN 'propose' ELSE 'concern' END AS stance,
       p.statements AS statements, p.first AS first, p.last AS last
