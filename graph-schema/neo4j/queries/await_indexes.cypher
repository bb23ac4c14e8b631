// Indexes are built in the background; waiting once at start keeps the first queries off label scans.
CALL db.awaitIndexes($timeoutSeconds)
