// Records an applied migration in the graph itself, so every replica sees the same schema version.
MERGE (m:Migration {version: $version})
ON CREATE SET m.name = $name, m.appliedAt = $appliedAt
