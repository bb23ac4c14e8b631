// Taxonomy processes; the taxonomy owns their names.
UNWIND $processes AS row
MERGE (p:Process {id: row.id})
SET p.name = row.name, p.acronym = row.acronym
