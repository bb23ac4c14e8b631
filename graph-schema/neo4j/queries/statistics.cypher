// Node counts for health checks, the CLI and tests; each count is answered by the count store.
RETURN COUNT { (:Report) } AS reports,
       COUNT { (:Actor) } AS actors,
       COUNT { (:Statement) } AS statements,
       COUNT { (:Target) } AS targets,
       COUNT { (:Event) } AS events
