package neo4j

// cypherLockWrite runs first in every article write transaction. It takes
// the write locks of the entities and claims the transaction is going to
// change, each kind in id order, so that writers in several processes
// (several newsgraph workers on one Neo4j) that share hub entities queue
// for them in one order instead of deadlocking: Neo4j otherwise takes a
// node's lock when a statement first writes to it, which for the mentions,
// ties and claims of two articles is two different orders.
//
// The entities are those the batch declares ($entities, by id: created
// here when new, as cypherMergeExtraction would), those its articles
// declared before (a rewrite clears them), the speakers and subjects of
// the claims either cites (recomputing a claim rewrites its SAID and ABOUT
// edges) and the entities all these are merged into. Existing ones are
// locked first, then the declared ones are merged; then the claims, in
// the same two steps. Setting and removing a property takes a node's
// write lock and leaves the node as it was.
//
// What a lock order cannot cover is retried by the driver: an entity
// created by another writer between the two steps is locked out of order.
const cypherLockWrite statement = `
CALL () {
  UNWIND $articleIds AS aid
  OPTIONAL MATCH (:Article {ns: $ns, id: aid})-[:DECLARES]->(e:Entity)
  RETURN collect(DISTINCT e.id) AS declared
}
CALL () {
  UNWIND $articleIds AS aid
  OPTIONAL MATCH (:Article {ns: $ns, id: aid})-[:HAS_EVIDENCE]->(w:ClaimEvidence)
  RETURN collect(DISTINCT w.claimId) AS cited
}
WITH declared, $claimIds + cited AS claimIds
CALL (claimIds) {
  UNWIND claimIds AS cid
  MATCH (c:Claim {ns: $ns, id: cid})
  UNWIND coalesce(c.speakerIds, []) + coalesce(c.aboutIds, []) AS eid
  RETURN collect(DISTINCT eid) AS named
}
WITH claimIds, keys($entities) + declared + named AS entityIds
CALL (entityIds) {
  UNWIND entityIds AS eid
  MATCH (:Entity {ns: $ns, id: eid})-[:MERGED_INTO*1..]->(root:Entity)
  RETURN collect(DISTINCT root.id) AS roots
}
CALL (entityIds, roots) {
  UNWIND entityIds + roots AS eid
  WITH DISTINCT eid ORDER BY eid
  MATCH (e:Entity {ns: $ns, id: eid})
  SET e.writeLock = true
  REMOVE e.writeLock
  RETURN count(e) AS existing
}
CALL () {
  UNWIND keys($entities) AS eid
  WITH eid ORDER BY eid
  WITH eid, $entities[eid] AS x
  MERGE (e:Entity {ns: $ns, id: eid})
  ON CREATE SET e.kind = x.kind, e.name = x.name, e.mentionCount = 0, e.visible = false
  SET e.writeLock = true
  REMOVE e.writeLock
  RETURN count(e) AS entities
}
CALL (claimIds) {
  UNWIND claimIds AS cid
  WITH DISTINCT cid ORDER BY cid
  MATCH (c:Claim {ns: $ns, id: cid})
  SET c.writeLock = true
  REMOVE c.writeLock
  RETURN count(c) AS existingClaims
}
CALL () {
  UNWIND $claimIds AS cid
  WITH DISTINCT cid ORDER BY cid
  MERGE (c:Claim {ns: $ns, id: cid})
  ON CREATE SET c.evidenceCount = 0
  SET c.writeLock = true
  REMOVE c.writeLock
  RETURN count(c) AS claims
}
RETURN existing + entities AS entities, existingClaims + claims AS claims`
