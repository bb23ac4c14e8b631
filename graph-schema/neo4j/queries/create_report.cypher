// The provenance root. MERGE rather than CREATE so that a retried commit whose first attempt did land
// finds the report instead of failing on the constraint.
MERGE (r:Report {id: $report.id})
ON CREATE SET r.title = $report.title,
              r.date = $report.date,
              r.source = $report.source,
              r.text = $report.text,
              r.format = $report.format,
              r.extractorVersion = $report.extractorVersion,
              r.ingestedAt = $report.ingestedAt,
              r.eventId = $report.eventId
WITH r
MATCH (e:Event {id: r.eventId})
MERGE (r)-[:COVERS]->(e)
