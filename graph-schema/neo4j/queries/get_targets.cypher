// Norms, principles and proposals by id, for DataLoader batches.
UNWIND $ids AS targetId
MATCH (t:Target {id: targetId})
RETURN t.id AS id, t.name AS name, t.kind AS kind, t.description AS description, t.frameworkId AS frameworkId
