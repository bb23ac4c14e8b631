// A process met in a report is created once; its name afterwards belongs to the taxonomy.
MERGE (p:Process {id: $process.id})
ON CREATE SET p.name = $process.name, p.acronym = $process.acronym
