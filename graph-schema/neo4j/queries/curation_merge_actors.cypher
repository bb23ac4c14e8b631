// Merges actor $oldId into $newId: statements and participations move, the aliases are the merged list, the old
// node goes (with its position edges, recomputed by the caller for the new actor) and a redirect keeps the old id.
// Redirects stay flat: any that pointed at the old actor now point at the new one.
MATCH (old:Actor {id: $oldId})
MATCH (new:Actor {id: $newId})
CALL (old, new) {
  MATCH (old)-[m:MADE]->(s:Statement)
  MERGE (new)-[:MADE]->(s)
  SET s.actorId = new.id
  DELETE m
}
CALL (old, new) {
  MATCH (old)-[p:PARTICIPATED_IN]->(e:Event)
  MERGE (new)-[:PARTICIPATED_IN]->(e)
  DELETE p
}
CALL (new) {
  MATCH (r:ActorRedirect {newId: $oldId})
  SET r.newId = new.id
}
SET new.aliases = $aliases
MERGE (redirect:ActorRedirect {oldId: $oldId})
SET redirect.newId = new.id
DETACH DELETE old
