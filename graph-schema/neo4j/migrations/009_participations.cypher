// Migration 9: an actor took part in an event while it has a statement there that is not rejected. Until now a
// PARTICIPATED_IN edge, once written, stayed: after a new version of one of the event's reports dropped the actor's
// sentences, and after a curator rejected them. The writes keep it right from now on; this takes back the edges
// a graph written before kept with nothing behind them (every statement gave its actor one, so none is missing).
MATCH (a:Actor)-[took:PARTICIPATED_IN]->(e:Event)
  WHERE NOT EXISTS {
    MATCH (a)-[:MADE]->(s:Statement)-[:AT]->(e)
      WHERE coalesce(s.status, 'extracted') <> 'rejected'
  }
DELETE took;
