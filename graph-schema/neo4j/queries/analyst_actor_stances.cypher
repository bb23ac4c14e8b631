// The first page of several actors' stances in one request: for each actor (its index in $actorIds; a merged actor's
// old id answers for the actor it was merged into, as resolve_actor.cypher resolves it) its stored position edges (of
// $stance, when given) in analyst_edges' order for one actor (statements, most first, then target, then stance): the
// first $limit of them and how many there are. One row per actor asked for.
UNWIND range(0, size($actorIds) - 1) AS i
WITH i, $actorIds[i] AS asked
OPTIONAL MATCH (redirect:ActorRedirect {oldId: asked})
WITH i, coalesce(redirect.newId, asked) AS actorId
CALL (actorId) {
  MATCH (a:Actor {id: actorId})-[p:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(t:Target)
  WITH a, t, p,
       CASE type(p) WHEN 'SUPPORTS' THEN 'support' WHEN 'OPPOSES' THEN 'oppose' WHEN 'PROPOSED' THEN 'propose' ELSE 'concern' END AS stance
    WHERE $stance IS NULL OR stance = $stance
  WITH {actorId: a.id, targetId: t.id, stance: stance, statements: p.statements, first: p.first, last: p.last} AS e
  ORDER BY e.statements DESC, e.targetId, e.stance
  WITH collect(e) AS edges
  RETURN size(edges) AS total, edges[0..$limit] AS page
}
RETURN i, total, page
ORDER BY i
