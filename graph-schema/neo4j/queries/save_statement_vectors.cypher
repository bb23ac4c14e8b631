// Linking: stores evidence vectors on their statements, with the model that computed them. Ids of statements
// deleted meanwhile match nothing and are skipped.
UNWIND $vectors AS row
MATCH (s:Statement {id: row.id})
CALL db.create.setNodeVectorProperty(s, 'vector', row.vector)
SET s.vectorModel = $model
