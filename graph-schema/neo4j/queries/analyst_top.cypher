// The most supported targets (actors supporting each) and the most active actors (non-rejected statements).
CALL () {
  MATCH (:Actor)-[:SUPPORTS]->(t:Target)
  WITH t.id AS name, count(*) AS n
  ORDER BY n DESC, name
  LIMIT $top
  RETURN collect({name: name, count: n}) AS supported
}
CALL () {
  MATCH (a:Actor)-[p:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(:Target)
  WITH a.id AS name, sum(p.statements) AS n
  ORDER BY n DESC, name
  LIMIT $top
  RETURN collect({name: name, count: n}) AS active
}
RETURN supported, active
