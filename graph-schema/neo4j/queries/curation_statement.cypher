// A statement's current actor, target, stance and status, before a curation change.
MATCH (s:Statement {id: $statementId})
RETURN s.actorId AS actorId, s.targetId AS targetId, s.stance AS stance, coalesce(s.status, 'extracted') AS status
