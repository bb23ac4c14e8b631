// The event a report covers. The first report to name it sets its title and dates; a process learnt
// later fills a missing one but never replaces a known one.
MERGE (e:Event {id: $event.id})
ON CREATE SET e.title = $event.title, e.date = $event.date, e.start = $event.start, e.end = $event.end
SET e.processId = coalesce(e.processId, $event.processId)
WITH e
MATCH (p:Process {id: e.processId})
MERGE (e)-[:PART_OF]->(p)
