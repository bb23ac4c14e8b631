// Every report with its text, in ingestion order, one page at a time so re-extraction of a large graph
// never asks for one huge response.
MATCH (r:Report)
  WHERE $afterIngestedAt IS NULL
     OR r.ingestedAt > $afterIngestedAt
     OR (r.ingestedAt = $afterIngestedAt AND r.id > $afterId)
RETURN r.id AS id,
       r.title AS title,
       r.date AS date,
       r.source AS source,
       r.text AS text,
       r.format AS format,
       r.extractorVersion AS extractorVersion,
       r.ingestedAt AS ingestedAt
ORDER BY ingestedAt, id
LIMIT $limit
