// Reports by id without their text, for DataLoader batches.
UNWIND $ids AS reportId
MATCH (r:Report {id: reportId})
RETURN r.id AS id,
       r.title AS title,
       r.date AS date,
       r.source AS source,
       r.format AS format,
       r.extractorVersion AS extractorVersion,
       r.ingestedAt AS ingestedAt,
       r.eventId AS eventId
