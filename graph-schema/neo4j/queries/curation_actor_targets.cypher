// The targets an actor has statements about, to recompute position edges after a merge.
MATCH (s:Statement {actorId: $actorId})
RETURN DISTINCT s.targetId AS targetId
