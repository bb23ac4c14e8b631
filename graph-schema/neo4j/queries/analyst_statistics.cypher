// Counts per label and relationship type (the embedded store's names), from the count store where it can.
RETURN [
         {name: 'Actor', count: COUNT { (:Actor) }},
         {name: 'Event', count: COUNT { (:Event) }},
         {name: 'Framework', count: COUNT { (:Framework) }},
         {name: 'Norm', count: COUNT { (:Norm) }},
         {name: 'Principle', count: COUNT { (:Principle) }},
         {name: 'Process', count: COUNT { (:Process) }},
         {name: 'Proposal', count: COUNT { (:Proposal) }},
         {name: 'Report', count: COUNT { (:Report) }},
         {name: 'Statement', count: COUNT { (:Statement) }}
       ] AS labels,
       [
         {name: 'ABOUT', count: COUNT { ()-[:ABOUT]->() }},
         {name: 'AT', count: COUNT { ()-[:AT]->() }},
         {name: 'CONCERNED_ABOUT', count: COUNT { ()-[:CONCERNED_ABOUT]->() }},
         {name: 'COVERS', count: COUNT { ()-[:COVERS]->() }},
         {name: 'DEFINED_IN', count: COUNT { ()-[:DEFINED_IN]->() }},
         {name: 'MADE', count: COUNT { ()-[:MADE]->() }},
         {name: 'OPPOSES', count: COUNT { ()-[:OPPOSES]->() }},
         {name: 'PARTICIPATED_IN', count: COUNT { ()-[:PARTICIPATED_IN]->() }},
         {name: 'PART_OF', count: COUNT { ()-[:PART_OF]->() }},
         {name: 'PROPOSED', count: COUNT { ()-[:PROPOSED]->() }},
         {name: 'REPORTED_IN', count: COUNT { ()-[:REPORTED_IN]->() }},
         {name: 'SUPPORTS', count: COUNT { ()-[:SUPPORTS]->() }}
       ] AS relationships
