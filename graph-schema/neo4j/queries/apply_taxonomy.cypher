// The curated vocabulary in one auto-commit request, taking its locks in apply_report's global order
// (Actor, Target, Process, each by id) and Framework last, which no report locks. Every API replica and
// worker runs this at start, while others may be ingesting; the shared order is what keeps them from
// deadlocking each other. Each kind is upserted in id order; a curated actor always wins, except that an actor
// a curator merged into another is not created again (its old id resolves to the other, as in the embedded store).
//
// Written only when its hash changed, as the embedded store does: every start runs this, and there is no need to
// rewrite some 600 nodes each time. A curator's type and aliases (curatedType, curatorAliases) win over the
// taxonomy's, as over a report's: its aliases, then the curators' not among them whatever their case. The version
// node is written last, after every lock above.
OPTIONAL MATCH (stored:TaxonomyVersion {id: 'taxonomy'})
WITH stored
  WHERE stored IS NULL OR stored.hash <> $hash

CALL () {
  UNWIND $actors AS row
  WITH row
    WHERE NOT EXISTS { MATCH (:ActorRedirect {oldId: row.id}) }
  WITH row
  ORDER BY row.id
  MERGE (a:Actor {id: row.id})
  ON CREATE SET a.curated = row.curated
  SET a.name = row.name,
      a.type = coalesce(a.curatedType, row.type),
      a.aliases = reduce(kept = coalesce(row.aliases, []), x IN coalesce(a.curatorAliases, []) |
                    CASE WHEN any(k IN kept WHERE toUpper(k) = toUpper(x)) THEN kept ELSE kept + [x] END),
      a.curated = row.curated
  RETURN count(*) AS actors
}

// Every target carries the common Target label (one constraint, one lookup by id) plus the label of its
// kind, chosen from this fixed list rather than built from a string. A missing description or framework
// never erases a known one.
CALL () {
  UNWIND $targets AS row
  WITH row
  ORDER BY row.id
  MERGE (t:Target {id: row.id})
  SET t.name = row.name,
      t.kind = row.kind,
      t.description = coalesce(row.description, t.description),
      t.frameworkId = coalesce(row.frameworkId, t.frameworkId)
  FOREACH (x IN CASE WHEN row.kind = 'norm' THEN [1] ELSE [] END | SET t:Norm)
  FOREACH (x IN CASE WHEN row.kind <> 'norm' THEN [1] ELSE [] END | REMOVE t:Norm)
  FOREACH (x IN CASE WHEN row.kind = 'principle' THEN [1] ELSE [] END | SET t:Principle)
  FOREACH (x IN CASE WHEN row.kind <> 'principle' THEN [1] ELSE [] END | REMOVE t:Principle)
  FOREACH (x IN CASE WHEN row.kind = 'proposal' THEN [1] ELSE [] END | SET t:Proposal)
  FOREACH (x IN CASE WHEN row.kind <> 'proposal' THEN [1] ELSE [] END | REMOVE t:Proposal)
  RETURN count(*) AS targets
}

CALL () {
  UNWIND $processes AS row
  WITH row
  ORDER BY row.id
  MERGE (p:Process {id: row.id})
  SET p.name = row.name, p.acronym = row.acronym
  RETURN count(*) AS processes
}

CALL () {
  UNWIND $frameworks AS row
  WITH row
  ORDER BY row.id
  MERGE (f:Framework {id: row.id})
  SET f.name = row.name, f.year = row.year
  RETURN count(*) AS frameworks
}

// Where each norm is defined; both ends are locked already.
CALL () {
  UNWIND $targets AS row
  MATCH (t:Target {id: row.id})
  OPTIONAL MATCH (t)-[stale:DEFINED_IN]->(other:Framework)
    WHERE other.id <> t.frameworkId
  DELETE stale
  WITH DISTINCT t
  MATCH (f:Framework {id: t.frameworkId})
  MERGE (t)-[:DEFINED_IN]->(f)
}

MERGE (version:TaxonomyVersion {id: 'taxonomy'})
SET version.hash = $hash
RETURN actors, targets, processes, frameworks
