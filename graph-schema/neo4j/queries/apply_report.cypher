// One report's whole graph in one auto-commit request: atomic without an explicit transaction, so it works
// the same on a single server, a cluster and Aura, and it holds its locks only while it runs.
//
// Lock order. Cypher has no lock statement; a write (SET) takes the node's exclusive lock until commit. Every
// writer of the graph takes its locks in one global order, so two writers can wait for each other but never
// in a circle: the write's ReportSource, then Report, then Actor, then Target, then Process, then Event (each
// kind by id), and only then the nodes no other writer shares (statements, curation). Only this statement locks a
// ReportSource, one per write, so taking it first adds no cycle. Curation (set_statement_status) and the
// taxonomy (apply_taxonomy) follow the same order. Each phase below is a CALL subquery over the single outer
// row, so it finishes before the next one starts; ORDER BY before the locking SET gives the id order.
// writeLock is set and removed in the same statement: the net change is nothing, the lock stays until commit.
//
// Outcomes. mode is 'ingest' (new report), 'reextract' (same text, other extractor: its statements are
// replaced, its first ingestion time kept), 'unchanged' (same text, same extractor), 'skip' (a re-extraction of a
// report taken away or whose source moved on since it was read: nothing changes), 'release' (same text, same
// extractor, but the source moved on to it from a text no other source holds, which leaves), or 'replay': this
// very write (same $writeToken) committed on an earlier attempt whose answer was lost, so the outcome recorded
// then is returned instead of a wrong 'unchanged'.
//
// Sources. A report's id is its text's hash, so copies of one text under several names are one report, held by a
// (:ReportSource)-[:HOLDS]-> edge per name. A text leaves the graph when the last source holding it moves on; while
// others hold it, it shows one of theirs as its source, so re-extraction (which reads a report with the source it
// shows) never moves a source back to a text it no longer holds.
//
// Derived position edges are recomputed inside the statement for every (actor, target) pair it touched,
// after both nodes are locked: a curation change on the same pair waits for this commit and then counts
// from committed data, so neither can overwrite the other's count with a stale one.
//
// Curation survives re-ingestion, by statement id, as in the embedded store: a statement that comes back takes
// its curated status, stance and target again, and one made by a merged actor's old id belongs to the actor it
// was merged into (whose node is never created again under the old id).

// 0. What curation says about this report's rows: merged actors' redirects, and curated targets. Both decide
//    which nodes the pairs below lock, so they are read before any lock; status and stance, which decide no
//    lock, are read again under the locks (step 10). A curator moving a statement of this very report to
//    another target while it is re-ingested can leave the old target on it: the same window as any edit racing
//    a re-extraction of the text it edits.
CALL () {
  UNWIND [a IN $actors | a.id] + [s IN $statements | s.actorId] AS actorId
  WITH DISTINCT actorId
  MATCH (redirect:ActorRedirect {oldId: actorId})
  RETURN collect({oldId: redirect.oldId, newId: redirect.newId}) AS redirects
}
CALL (redirects) {
  UNWIND $statements AS row
  OPTIONAL MATCH (curation:Curation {statementId: row.id})
  RETURN collect({
           id: row.id,
           actorId: coalesce([x IN redirects WHERE x.oldId = row.actorId | x.newId][0], row.actorId),
           targetId: coalesce(curation.targetId, row.targetId),
           stance: row.stance,
           evidence: row.evidence,
           evidenceStart: row.evidenceStart,
           evidenceLength: row.evidenceLength,
           confidence: row.confidence,
           speakerId: row.speakerId
         }) AS statementRows
}

// 1. This document's versions, locked: first its source's node (created here if new; two writers of one source
//    serialise on it), then this report (created here if new) and the report the source held so far, in id order.
CALL () {
  UNWIND [x IN [$report.source] WHERE x IS NOT NULL] AS source
  MERGE (held:ReportSource {source: source})
  SET held.writeLock = true
  REMOVE held.writeLock
  RETURN count(*) AS sourceLocks
}
CALL () {
  OPTIONAL MATCH (:ReportSource {source: $report.source})-[:HOLDS]->(other:Report)
  WITH collect(other.id) + [$report.id] AS ids
  UNWIND ids AS id
  WITH DISTINCT id
  ORDER BY id
  CALL (id) {
    WITH id
    WHERE id = $report.id
    MERGE (r:Report {id: id})
    ON CREATE SET r.title = $report.title,
                  r.date = $report.date,
                  r.source = $report.source,
                  r.text = $report.text,
                  r.format = $report.format,
                  r.extractorVersion = $report.extractorVersion,
                  r.ingestedAt = $report.ingestedAt,
                  r.eventId = $report.eventId,
                  r.writeToken = $writeToken
  }
  CALL (id) {
    MATCH (d:Report {id: id})
    SET d.writeLock = true
    REMOVE d.writeLock
  }
  RETURN count(*) AS documentLocks
}

// 2. What to do, read under the document's locks: whether the text the source held so far leaves with it, or stays
//    showing another source (previousStale: its statement ids were hashed with this source, whose new text takes them).
MATCH (r:Report {id: $report.id})
OPTIONAL MATCH (:ReportSource {source: $report.source})-[:HOLDS]->(previous:Report)
  WHERE previous.id <> r.id
WITH r, statementRows, previous,
     // A report ever sent without a source (heldUnnamed; a graph from before the mark has only those showing none) is
     // held by no name, so no source moving on takes it away.
     previous IS NOT NULL AND NOT coalesce(previous.heldUnnamed, previous.source IS NULL) AND NOT EXISTS {
       MATCH (other:ReportSource)-[:HOLDS]->(previous)
       WHERE other.source <> $report.source
     } AS previousLeaves
WITH r, statementRows, previous, previousLeaves,
     previous IS NOT NULL AND NOT previousLeaves AND previous.source = $report.source AS previousStale,
     // A copy under a source the report does not show leaves its extraction alone whatever read it: its statement
     // ids hash the copy's source, so the report's own would go and their curation with them (reextract reads it anew).
     r.extractorVersion = $report.extractorVersion
       OR NOT coalesce(r.source = $report.source, r.source IS NULL AND $report.source IS NULL) AS extractionKept
WITH r, statementRows, previous, previousLeaves, previousStale,
     CASE
       WHEN r.writeToken = $writeToken AND r.writeOutcome IS NOT NULL THEN 'replay'
       // A re-extraction of a report taken away, or whose source moved on, since it was read: that stands.
       WHEN $reextraction AND (r.writeToken = $writeToken OR NOT ($report.source IS NULL OR EXISTS {
         MATCH (:ReportSource {source: $report.source})-[:HOLDS]->(r)
       })) THEN 'skip'
       WHEN r.writeToken = $writeToken THEN 'ingest'
       WHEN extractionKept AND (previousLeaves OR previousStale) THEN 'release'
       WHEN extractionKept THEN 'unchanged'
       ELSE 'reextract'
     END AS mode

// 2b. The source holds this report now. The report it held before loses it; when other sources still hold that
//     one, it shows one of theirs (none, when only a write without a source holds it) and waits for re-extraction
//     under it (an extractor version no extractor has; its statements go in step 8, and the caller re-extracts it next).
// A skip leaves everything as it was: a report created in step 1 goes again.
CALL (r, mode) {
  WITH r, mode
  WHERE mode = 'skip' AND r.writeToken = $writeToken
  DETACH DELETE r
}

CALL (r, mode, previous) {
  WITH r, mode, previous
  WHERE NOT mode IN ['replay', 'skip']
  MATCH (source:ReportSource {source: $report.source})
  OPTIONAL MATCH (source)-[held:HOLDS]->(previous)
  DELETE held
  MERGE (source)-[:HOLDS]->(r)
  WITH previous
  WHERE previous IS NOT NULL AND previous.source = $report.source
  OPTIONAL MATCH (other:ReportSource)-[:HOLDS]->(previous)
  WITH previous, min(other.source) AS remaining
  WHERE remaining IS NOT NULL OR coalesce(previous.heldUnnamed, false)
  SET previous.source = remaining,
      previous.extractorVersion = ''
}

// A write without a source (through the API) holds its text by no name, for as long as the graph lives.
CALL (r, mode) {
  WITH r, mode
  WHERE $report.source IS NULL AND NOT mode IN ['replay', 'skip']
  SET r.heldUnnamed = true
}

CALL (r, mode, statementRows, previous, previousLeaves, previousStale) {
  WITH r, mode, previous, previousLeaves, previousStale,
       // A release writes no statement of its own: the report's are stored as this extractor reads them.
       CASE WHEN mode = 'release' THEN [] ELSE statementRows END AS writtenRows
  WHERE mode IN ['ingest', 'reextract', 'release']

  // 3. What this write replaces: the text the source held so far, unless another source holds it (then only its
  //    statements, when it is stale), and this report's own statements when it is re-extracted. Their (actor, target)
  //    pairs are recomputed, so their nodes are locked too. The id is read now: a node deleted in this transaction
  //    (step 8) can no longer be read.
  WITH r, mode, writtenRows, CASE WHEN previousLeaves THEN [previous] ELSE [] END AS previousReports,
       CASE WHEN previousStale THEN [previous] ELSE [] END AS staleReports,
       CASE WHEN previousLeaves THEN previous.id END AS previousId
  WITH r, mode, writtenRows, previousReports, previousId,
       previousReports + staleReports + CASE WHEN mode = 'reextract' THEN [r] ELSE [] END AS doomed
  CALL (doomed) {
    UNWIND doomed AS d
    MATCH (old:Statement)-[:REPORTED_IN]->(d)
    RETURN collect(old) AS oldStatements,
           collect({actorId: old.actorId, targetId: old.targetId}) AS oldPairs
  }
  WITH r, mode, writtenRows, previousReports, previousId, doomed, oldStatements,
       oldPairs + [s IN writtenRows | {actorId: s.actorId, targetId: s.targetId}] AS pairs,
       [x IN [$event.id] + [d IN doomed | d.eventId] WHERE x IS NOT NULL] AS eventIds

  // 4. Actors, by id: upserted (a curated entry is never overwritten by one found in text; a merged actor's old
  //    id is not created again; a curator's type and aliases, kept apart in curatedType and curatorAliases, win over
  //    the row's: its aliases, then the curators' not among them whatever their case), then locked.
  CALL (pairs) {
    UNWIND [p IN pairs | p.actorId] + [a IN $actors | a.id] AS actorId
    WITH DISTINCT actorId
    ORDER BY actorId
    WITH actorId, [a IN $actors WHERE a.id = actorId][0] AS row
    CALL (actorId, row) {
      WITH actorId, row
      WHERE row IS NOT NULL AND NOT EXISTS { MATCH (:ActorRedirect {oldId: actorId}) }
      MERGE (a:Actor {id: actorId})
      ON CREATE SET a.curated = row.curated
      WITH a, row
      WHERE row.curated OR NOT a.curated
      SET a.name = row.name,
          a.type = coalesce(a.curatedType, row.type),
          a.aliases = reduce(kept = coalesce(row.aliases, []), x IN coalesce(a.curatorAliases, []) |
                        CASE WHEN any(k IN kept WHERE toUpper(k) = toUpper(x)) THEN kept ELSE kept + [x] END),
          a.curated = row.curated
    }
    CALL (actorId) {
      MATCH (a:Actor {id: actorId})
      SET a.writeLock = true
      REMOVE a.writeLock
    }
    RETURN count(*) AS actorLocks
  }

  // 5. Targets, by id: upserted (a missing description or framework never erases a known one; the kind's
  //    label from a fixed list), then locked. DEFINED_IN edges belong to the taxonomy.
  CALL (pairs) {
    UNWIND [p IN pairs | p.targetId] + [t IN $targets | t.id] AS targetId
    WITH DISTINCT targetId
    ORDER BY targetId
    WITH targetId, [t IN $targets WHERE t.id = targetId][0] AS row
    CALL (targetId, row) {
      WITH targetId, row
      WHERE row IS NOT NULL
      MERGE (t:Target {id: targetId})
      SET t.name = row.name,
          t.kind = row.kind,
          t.description = coalesce(row.description, t.description),
          t.frameworkId = coalesce(row.frameworkId, t.frameworkId)
      FOREACH (x IN CASE WHEN row.kind = 'norm' THEN [1] ELSE [] END | SET t:Norm)
      FOREACH (x IN CASE WHEN row.kind = 'principle' THEN [1] ELSE [] END | SET t:Principle)
      FOREACH (x IN CASE WHEN row.kind = 'proposal' THEN [1] ELSE [] END | SET t:Proposal)
    }
    CALL (targetId) {
      MATCH (t:Target {id: targetId})
      SET t.writeLock = true
      REMOVE t.writeLock
    }
    RETURN count(*) AS targetLocks
  }

  // 6. Processes, by id: the report's own (created once; its name afterwards belongs to the taxonomy) and
  //    the one its event names.
  CALL () {
    UNWIND [x IN [$process.id, $event.processId] WHERE x IS NOT NULL] AS processId
    WITH DISTINCT processId
    ORDER BY processId
    CALL (processId) {
      WITH processId
      WHERE processId = $process.id
      MERGE (p:Process {id: processId})
      ON CREATE SET p.name = $process.name, p.acronym = $process.acronym
    }
    CALL (processId) {
      MATCH (p:Process {id: processId})
      SET p.writeLock = true
      REMOVE p.writeLock
    }
    RETURN count(*) AS processLocks
  }

  // 7. Events, by id: this report's (the first report to name it sets its title and dates; a process learnt
  //    later fills a missing one) and those of the reports and statements being replaced, whose edges go.
  CALL (eventIds) {
    UNWIND eventIds AS eventId
    WITH DISTINCT eventId
    ORDER BY eventId
    CALL (eventId) {
      WITH eventId
      WHERE eventId = $event.id
      MERGE (e:Event {id: eventId})
      ON CREATE SET e.title = $event.title, e.date = $event.date, e.start = $event.start, e.end = $event.end
      SET e.processId = coalesce(e.processId, $event.processId)
      WITH e
      MATCH (p:Process {id: e.processId})
      MERGE (e)-[:PART_OF]->(p)
    }
    CALL (eventId) {
      MATCH (e:Event {id: eventId})
      SET e.writeLock = true
      REMOVE e.writeLock
    }
    RETURN count(*) AS eventLocks
  }

  // 8. Out with the replaced statements and the previous version. Curation nodes stay on purpose: keyed by
  //    statement id, they give a statement that comes back its decision back. An event no report covers any more
  //    (the previous version had another date or title) goes with who took part in it, as in the embedded store;
  //    this report's own event stays, its edge comes in step 9. Every event here was locked in step 7.
  CALL (oldStatements, previousReports) {
    WITH oldStatements, previousReports, [d IN previousReports WHERE d.eventId IS NOT NULL | d.eventId] AS previousEvents
    FOREACH (s IN oldStatements | DETACH DELETE s)
    FOREACH (d IN previousReports | DETACH DELETE d)
    WITH previousEvents
    UNWIND previousEvents AS eventId
    MATCH (e:Event {id: eventId})
      WHERE eventId <> coalesce($event.id, '') AND NOT EXISTS { MATCH (:Report)-[:COVERS]->(e) }
    DETACH DELETE e
  }

  // 9. The report itself: same content (same id) may arrive from another source path or extractor. A release
  //    leaves it as it is.
  CALL (r, mode) {
    WITH r, mode
    WHERE mode <> 'release'
    SET r.title = $report.title,
        r.date = $report.date,
        r.source = $report.source,
        r.text = $report.text,
        r.format = $report.format,
        r.extractorVersion = $report.extractorVersion,
        r.eventId = $report.eventId,
        r.writeToken = $writeToken
    WITH r
    OPTIONAL MATCH (r)-[covers:COVERS]->(:Event)
    DELETE covers
    WITH DISTINCT r
    MATCH (e:Event {id: r.eventId})
    MERGE (r)-[:COVERS]->(e)
  }

  // 10. The statements: merged on id (an id met twice keeps its first sentence), with their curated stance and
  //     the curation decision from their Curation node (the curated target and actor redirects are already in
  //     the rows, step 0), copied so filters read one property; then the edges between locked nodes.
  CALL (r, writtenRows) {
    OPTIONAL MATCH (e:Event {id: $event.id})
    UNWIND writtenRows AS row
    OPTIONAL MATCH (c:Curation {statementId: row.id})
    MERGE (s:Statement {id: row.id})
    ON CREATE SET s.stance = coalesce(c.stance, row.stance),
                  s.evidence = row.evidence,
                  s.evidenceStart = row.evidenceStart,
                  s.evidenceLength = row.evidenceLength,
                  s.confidence = row.confidence,
                  s.speakerId = row.speakerId,
                  s.actorId = row.actorId,
                  s.targetId = row.targetId,
                  s.reportId = r.id,
                  s.eventId = e.id,
                  s.date = $date,
                  s.sortDate = $sortDate
    MERGE (s)-[:REPORTED_IN]->(r)
    SET s.status = coalesce(c.status, 'extracted')
    WITH e, s, row
    OPTIONAL MATCH (a:Actor {id: row.actorId})
    OPTIONAL MATCH (t:Target {id: row.targetId})
    FOREACH (x IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (a)-[:MADE]->(s))
    FOREACH (x IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (s)-[:ABOUT]->(t))
    FOREACH (x IN CASE WHEN e IS NULL THEN [] ELSE [1] END | MERGE (s)-[:AT]->(e))
  }

  // 10b. Who took part in this report's event and in those of the statements that went (a new version that
  //      drops an actor's sentences takes back its part in an event other reports still cover).
  // BEGIN participation (the same text wherever statements or their status change; a test keeps them equal)
  // Who took part in an event: the actors with a statement there that is not rejected, recomputed for every actor
  // and event the write touched, both locked by then.
  CALL (pairs, eventIds) {
    UNWIND pairs AS pair
    WITH DISTINCT pair.actorId AS actorId
    MATCH (a:Actor {id: actorId})
    UNWIND eventIds AS eventId
    MATCH (e:Event {id: eventId})
    OPTIONAL MATCH (a)-[took:PARTICIPATED_IN]->(e)
    DELETE took
    WITH DISTINCT a, e
      WHERE EXISTS {
        MATCH (a)-[:MADE]->(s:Statement)-[:AT]->(e)
          WHERE coalesce(s.status, 'extracted') <> 'rejected'
      }
    MERGE (a)-[:PARTICIPATED_IN]->(e)
  }
  // END participation


  // 11. Derived position edges of every touched pair, recomputed from committed and own statements.
  // BEGIN recompute (the same text as in set_statement_status.cypher and the curation changes; a test keeps them equal)
  CALL (pairs) {
    UNWIND pairs AS pair
    WITH DISTINCT pair.actorId AS actorId, pair.targetId AS targetId
    MATCH (a:Actor {id: actorId})
    MATCH (t:Target {id: targetId})
    OPTIONAL MATCH (a)-[old:SUPPORTS|OPPOSES|PROPOSED|CONCERNED_ABOUT]->(t)
    DELETE old
    WITH DISTINCT a, t
    OPTIONAL MATCH (a)-[:MADE]->(s:Statement)-[:ABOUT]->(t)
      WHERE coalesce(s.status, 'extracted') <> 'rejected'
    WITH a, t, s.stance AS stance, count(s) AS statements, min(s.date) AS firstDate, max(s.date) AS lastDate
      WHERE stance IS NOT NULL
    FOREACH (x IN CASE WHEN stance = 'support' THEN [1] ELSE [] END |
      MERGE (a)-[p:SUPPORTS]->(t) SET p.statements = statements, p.first = firstDate, p.last = lastDate)
    FOREACH (x IN CASE WHEN stance = 'oppose' THEN [1] ELSE [] END |
      MERGE (a)-[p:OPPOSES]->(t) SET p.statements = statements, p.first = firstDate, p.last = lastDate)
    FOREACH (x IN CASE WHEN stance = 'propose' THEN [1] ELSE [] END |
      MERGE (a)-[p:PROPOSED]->(t) SET p.statements = statements, p.first = firstDate, p.last = lastDate)
    FOREACH (x IN CASE WHEN stance = 'concern' THEN [1] ELSE [] END |
      MERGE (a)-[p:CONCERNED_ABOUT]->(t) SET p.statements = statements, p.first = firstDate, p.last = lastDate)
  }
  // END recompute

  // 12. The outcome, kept on the report so a retry of this same write can answer it again.
  WITH r, mode, previousId
  SET r.writeToken = $writeToken,
      r.writeOutcome = CASE
                         WHEN previousId IS NULL AND mode = 'ingest' THEN 'ingested'
                         WHEN previousId IS NULL AND mode = 'release' THEN 'unchanged'
                         ELSE 'replaced'
                       END,
      r.replacedId = coalesce(previousId, CASE WHEN mode = 'reextract' THEN r.id END)
}

// 13. A report sent through the API ($who set) is recorded in the audit log in this same request: who sent it, the
//     report, the version it replaced and the outcome, as the embedded store records it. A resend of a write that
//     committed finds the entry by its write token and records nothing again. The audit counter is locked last, after
//     every node this write locked, as in the curation statements.
CALL (r, mode) {
  WITH r, mode
  WHERE $who IS NOT NULL AND mode <> 'skip' AND NOT EXISTS { MATCH (:AuditEntry {writeToken: $writeToken}) }
  WITH CASE mode WHEN 'unchanged' THEN null ELSE r.replacedId END AS beforeValue,
       CASE mode WHEN 'unchanged' THEN 'unchanged' ELSE r.writeOutcome END AS afterValue
  MERGE (counter:AuditCounter {id: 'audit'})
  SET counter.writeLock = true
  REMOVE counter.writeLock
  WITH counter, beforeValue, afterValue
  SET counter.next = coalesce(counter.next, 0) + 1
  CREATE (:AuditEntry {seq: counter.next, at: $report.ingestedAt, who: $who, action: 'submit_report', subject: $report.id,
                       before: beforeValue, after: afterValue, writeToken: $writeToken})
}

RETURN CASE WHEN mode IN ['unchanged', 'skip'] THEN 'unchanged' ELSE r.writeOutcome END AS outcome,
       CASE WHEN mode IN ['unchanged', 'skip'] THEN null ELSE r.replacedId END AS replacedId,
       CASE WHEN previousStale AND mode <> 'replay' THEN previous.id END AS staleReportId,
       mode
