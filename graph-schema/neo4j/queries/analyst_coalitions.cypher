// Actors taking one stance on a target, as (kind, key, actor, statements) rows: by actor type from the position
// edges, and by process from the statements' events. The relationship type is chosen by the caller from the
// fixed stance list, never built from input.
MATCH (a:Actor)-[p:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(:Target {id: $targetId})
  WHERE type(p) = $relationship
RETURN 'actor_type' AS kind, a.type AS key, a.id AS actorId, p.statements AS statements
UNION ALL
MATCH (s:Statement {targetId: $targetId, stance: $stance})
  WHERE coalesce(s.status, 'extracted') <> 'rejected'
MATCH (ev:Event {id: s.eventId})
  WHERE ev.processId IS NOT NULL
RETURN 'process' AS kind, ev.processId AS key, s.actorId AS actorId, count(s) AS statements
