// Linking: the stored statements whose evidence best matches a statement's words, from the full-text index
// (Lucene scoring, Neo4j's counterpart of the embedded store's FTS5 bm25()). Rejected statements never count.
CALL db.index.fulltext.queryNodes('statement_evidence', $query) YIELD node, score
WITH node, score
WHERE coalesce(node.status, 'extracted') <> 'rejected'
RETURN node.id AS id, node.targetId AS targetId, node.evidence AS evidence, node.actorId AS actorId,
       node.reportId AS reportId, coalesce(node.status, 'extracted') AS status, score
ORDER BY score DESC, id
LIMIT $top
