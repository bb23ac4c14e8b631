// Actors by id, for DataLoader batches; ids with no actor are simply absent.
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases, a.curated AS curated
