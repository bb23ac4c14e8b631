// Who joined a target's timeline when: the period of each position edge's first dated statement.
MATCH (a:Actor)-[p:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(:Target {id: $targetId})
  WHERE p.first IS NOT NULL
RETURN substring(p.first, 0, $length) AS period,
       CASE type(p) WHEN 'SUPPORTS' THEN 'support' WHEN 'OPPOSES' THEN 'oppose' WHEN 'PROPOSED' THEN 'propose' ELSE 'concern' END AS stance,
       a.id AS actorId
ORDER BY actorId
