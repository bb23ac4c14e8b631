// A curator's aliases or type for an actor (each given; the caller passes the current value for the other).
MATCH (a:Actor {id: $actorId})
SET a.aliases = $aliases, a.type = $type
