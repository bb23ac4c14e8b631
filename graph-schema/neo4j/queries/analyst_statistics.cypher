// Counts per label and relationship type (the embedded store's names), from the count store where it can. Rejected
// statements leave every count, as they leave every answer (they stay recorded): statements and their MADE, ABOUT,
// REPORTED_IN and AT edges are counted by status; the position edges hold none of them.
RETURN [
         {name: 'Actor', count: COUNT { (:Actor) }},
         {name: 'Event', count: COUNT { (:Event) }},
         {name: 'Framework', count: COUNT { (:Framework) }},
         {name: 'Norm', count: COUNT { (:Norm) }},
         {name: 'Principle', count: COUNT { (:Principle) }},
         {name: 'Process', count: COUNT { (:Process) }},
         {name: 'Proposal', count: COUNT { (:Proposal) }},
         {name: 'Report', count: COUNT { (:Report) }},
         {name: 'Statement', count: COUNT { (s:Statement) WHERE coalesce(s.status, 'extracted') <> 'rejected' }}
       ] AS labels,
       [
         {name: 'ABOUT', count: COUNT { (s:Statement)-[:ABOUT]->() WHERE coalesce(s.status, 'extracted') <> 'rejected' }},
         {name: 'AT', count: COUNT { (s:Statement)-[:AT]->() WHERE coalesce(s.status, 'extracted') <> 'rejected' }},
         {name: 'CONCERNED_ABOUT', count: COUNT { ()-[:CONCERNED_ABOUT]->() }},
         {name: 'COVERS', count: COUNT { ()-[:COVERS]->() }},
         {name: 'DEFINED_IN', count: COUNT { ()-[:DEFINED_IN]->() }},
         {name: 'MADE', count: COUNT { ()-[:MADE]->(s:Statement) WHERE coalesce(s.status, 'extracted') <> 'rejected' }},
         {name: 'OPPOSES', count: COUNT { ()-[:OPPOSES]->() }},
         {name: 'PARTICIPATED_IN', count: COUNT { ()-[:PARTICIPATED_IN]->() }},
         {name: 'PART_OF', count: COUNT { ()-[:PART_OF]->() }},
         {name: 'PROPOSED', count: COUNT { ()-[:PROPOSED]->() }},
         {name: 'REPORTED_IN', count: COUNT { (s:Statement)-[:REPORTED_IN]->() WHERE coalesce(s.status, 'extracted') <> 'rejected' }},
         {name: 'SUPPORTS', count: COUNT { ()-[:SUPPORTS]->() }}
       ] AS relationships
