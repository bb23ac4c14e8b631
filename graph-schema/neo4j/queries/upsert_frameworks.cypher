// Taxonomy frameworks (where norms are defined); the taxonomy owns their names.
UNWIND $frameworks AS row
MERGE (f:Framework {id: row.id})
SET f.name = row.name, f.year = row.year
