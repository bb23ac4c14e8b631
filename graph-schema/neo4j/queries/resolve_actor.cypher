// The id an actor id stands for now, for reads filtered by one actor: a merged actor's old id resolves to the
// actor it was merged into (redirects are kept flat), any other id to itself. Always one row.
OPTIONAL MATCH (redirect:ActorRedirect {oldId: $actorId})
RETURN coalesce(redirect.newId, $actorId) AS actorId
