// Test only: the derived position edges, to check they follow statements and curation.
MATCH (a:Actor)-[p:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(t:Target)
RETURN a.id AS actorId, type(p) AS type, t.id AS targetId, p.statements AS statements, p.first AS first, p.last AS last
ORDER BY actorId, type, targetId
