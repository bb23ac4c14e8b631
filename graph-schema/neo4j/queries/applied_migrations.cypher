// Versions of the migrations already applied to this database.
MATCH (m:Migration)
RETURN m.version AS version
ORDER BY version
