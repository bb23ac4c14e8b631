// Linking: statements that still need an evidence vector from the current model (new ones, or all of them
// after a model change).
MATCH (s:Statement)
WHERE s.vectorModel IS NULL OR s.vectorModel <> $model
RETURN s.id AS id, s.evidence AS evidence
ORDER BY id
LIMIT $limit
