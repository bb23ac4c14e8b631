// Actors by id, for DataLoader batches; ids with no actor are simply absent. A merged actor's old id answers
// with the actor it was merged into, keyed by the id asked for (redirects are kept flat: one hop is enough).
UNWIND $ids AS requested
OPTIONAL MATCH (redirect:ActorRedirect {oldId: requested})
WITH requested, coalesce(redirect.newId, requested) AS actorId
MATCH (a:Actor {id: actorId})
RETURN requested, a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases, a.curated AS curated
