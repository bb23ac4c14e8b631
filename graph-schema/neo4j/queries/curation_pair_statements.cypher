// One statement of each (actor, target) pair, with its status: setting that status again (set_statement_status)
// recomputes the pair's position edges under the write path's locks after a stance, target or actor change.
UNWIND $pairs AS pair
MATCH (s:Statement {actorId: pair.actorId, targetId: pair.targetId})
WITH pair, s
ORDER BY s.id
WITH pair, collect(s)[0] AS s
RETURN s.id AS statementId, coalesce(s.status, 'extracted') AS status
