// Search over actors, targets and processes (graph_text) and reports (report_text), best first. Lucene's
// scores are not SQLite's bm25, so both stores agree on what is found and on the best hit for a clear
// query, not on the figures. $query is built from letters and digits only, so it has no Lucene syntax of its own.
CALL () {
  CALL db.index.fulltext.queryNodes('graph_text', $query) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('report_text', $query) YIELD node, score
  RETURN node, score
}
WITH node, score,
     CASE WHEN node:Actor THEN 'actor' WHEN node:Target THEN node.kind WHEN node:Process THEN 'process' WHEN node:Report THEN 'report' END AS kind
  WHERE kind IS NOT NULL AND kind IN $kinds
WITH collect({kind: kind, id: node.id, title: coalesce(node.name, node.title), score: score}) AS hits
CALL (hits) {
  UNWIND hits AS h
  WITH h
  ORDER BY h.score DESC, h.kind, h.id
  SKIP $offset
  LIMIT $limit
  RETURN collect(h) AS page
}
RETURN size(hits) AS total, page
