// Before applying a report: is a report with this id (this exact content) stored already, and by which
// extractor version (the same: nothing changes; another: its extraction is replaced, keeping its first
// ingestion time)? And which older version of the same source document would it replace?
OPTIONAL MATCH (existing:Report {id: $reportId})
OPTIONAL MATCH (previous:Report {source: $source})
  WHERE previous.id <> $reportId
RETURN existing.extractorVersion AS storedVersion,
       existing.ingestedAt AS storedIngestedAt,
       previous.id AS previousId
LIMIT 1
