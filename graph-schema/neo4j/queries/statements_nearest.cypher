// Linking: the stored statements whose evidence vectors are nearest to a statement's, from the vector index.
// The index answers more than asked ($candidates) because statements from another model or rejected ones
// are filtered out after it. Neo4j's cosine score is (1 + cosine) / 2; the store turns it back into a cosine.
CALL db.index.vector.queryNodes('statement_vector', $candidates, $vector) YIELD node, score
WITH node, score
WHERE node.vectorModel = $model AND coalesce(node.status, 'extracted') <> 'rejected'
RETURN node.id AS id, node.targetId AS targetId, node.evidence AS evidence, node.actorId AS actorId,
       node.reportId AS reportId, coalesce(node.status, 'extracted') AS status, score
ORDER BY score DESC, id
LIMIT $top
