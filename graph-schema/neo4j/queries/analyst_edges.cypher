// Stored position edges by target, actor, stance and actor type: "who supported X", "what A said, by target".
// The same order and keyset cursor as the embedded store: statements (most first), then actor, target, stance.
// One row back: the total over all pages and the page itself.
MATCH (a:Actor)-[p:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(t:Target)
  WHERE ($targetId IS NULL OR t.id = $targetId)
    AND ($actorId IS NULL OR a.id = $actorId)
    AND ($actorType IS NULL OR a.type = $actorType)
WITH a, t, p,
     CASE type(p) WHEN 'SUPPORTS' THEN 'support' WHEN 'OPPOSES' THEN 'oppose' WHEN 'PROPOSED' THEN 'propose' ELSE 'concern' END AS stance
  WHERE $stance IS NULL OR stance = $stance
WITH collect({actorId: a.id, targetId: t.id, stance: stance, statements: p.statements, first: p.first, last: p.last}) AS edges
CALL (edges) {
  UNWIND edges AS e
  WITH e
    WHERE $afterCount IS NULL
       OR e.statements < $afterCount
       OR (e.statements = $afterCount AND (e.actorId > $afterActor
           OR (e.actorId = $afterActor AND (e.targetId > $afterTarget OR (e.targetId = $afterTarget AND e.stance > $afterStance)))))
  WITH e
  ORDER BY e.statements DESC, e.actorId, e.targetId, e.stance
  LIMIT $limit
  RETURN collect(e) AS page
}
RETURN size(edges) AS total, page
