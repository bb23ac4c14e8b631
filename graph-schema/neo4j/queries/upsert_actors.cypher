// Actors from the taxonomy (curated) or found in text. A curated entry wins over one found in text, and
// one found in text never overwrites a curated one, so re-ingesting cannot undo the taxonomy.
UNWIND $actors AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.curated = row.curated
WITH a, row
WHERE row.curated OR NOT a.curated
SET a.name = row.name, a.type = row.type, a.aliases = row.aliases, a.curated = row.curated
