package neo4j

// Merge statements. A merge is a MERGED_INTO edge from the merged entity to
// the one it is merged into, carrying when and under which name and kind.
// Evidence keeps the entity ids it was written with; merging and unmerging
// re-attach it to the entities those ids now resolve to, so an unmerge
// leaves the graph as it would be had the merge never happened.

// cypherMergeState reads what a merge or unmerge must check: both
// entities, whether each is merged, where into resolves to, and the
// members of from (from and the entities merged into it, at any depth),
// whose evidence moves.
const cypherMergeState statement = `
OPTIONAL MATCH (f:Entity {ns: $ns, id: $from})
OPTIONAL MATCH (i:Entity {ns: $ns, id: $into})
CALL (f) {
  OPTIONAL MATCH (f)-[g:MERGED_INTO]->(t:Entity)
  RETURN t.id AS mergedInto
}
CALL (i) {
  OPTIONAL MATCH (i)-[:MERGED_INTO*0..]->(root:Entity)
  WHERE NOT EXISTS { MATCH (root)-[:MERGED_INTO]->(:Entity) }
  RETURN root.id AS intoRoot
}
CALL (f) {
  OPTIONAL MATCH (m:Entity)-[:MERGED_INTO*0..]->(f)
  RETURN collect(DISTINCT m.id) AS members
}
RETURN f {.id, .name, .kind, .visible} AS from, i {.id, .visible} AS into,
       mergedInto, intoRoot, members`

// cypherMergeRecord records a merge.
const cypherMergeRecord statement = `
MATCH (f:Entity {ns: $ns, id: $from})
MATCH (i:Entity {ns: $ns, id: $into})
CREATE (f)-[:MERGED_INTO {ns: $ns, mergedAt: $mergedAt, fromName: $fromName, fromKind: $fromKind}]->(i)`

// cypherUnmergeRecord deletes the merge record of from.
const cypherUnmergeRecord statement = `
MATCH (:Entity {ns: $ns, id: $from})-[g:MERGED_INTO]->(:Entity)
DELETE g`

// cypherMergeTies lists the relationship evidence written with a member
// as an endpoint, one row per (type, endpoints) as written, with the REL
// edge it is attached to now and the entities its endpoints resolve to.
const cypherMergeTies statement = `
UNWIND $members AS memberId
CALL (memberId) {
  MATCH (v:RelEvidence {ns: $ns, sourceId: memberId})
  RETURN v
  UNION
  MATCH (v:RelEvidence {ns: $ns, targetId: memberId})
  RETURN v
}
WITH DISTINCT v.type AS type, v.sourceId AS sourceId, v.targetId AS targetId, v.relId AS relId
CALL (sourceId) {
  OPTIONAL MATCH (:Entity {ns: $ns, id: sourceId})-[:MERGED_INTO*1..]->(root:Entity)
  WHERE NOT EXISTS { MATCH (root)-[:MERGED_INTO]->(:Entity) }
  RETURN coalesce(root.id, sourceId) AS sourceRoot
}
CALL (targetId) {
  OPTIONAL MATCH (:Entity {ns: $ns, id: targetId})-[:MERGED_INTO*1..]->(root:Entity)
  WHERE NOT EXISTS { MATCH (root)-[:MERGED_INTO]->(:Entity) }
  RETURN coalesce(root.id, targetId) AS targetRoot
}
RETURN type, sourceId, targetId, relId, sourceRoot, targetRoot`

// cypherMoveTies re-attaches relationship evidence, one row per (type,
// endpoints) as written (sourceId, targetId), its resolved endpoints
// being source and target, to the REL edge its endpoints now resolve to
// (none when both resolve to one entity), creating the edge if need be.
// The aggregates are recomputed afterwards.
const cypherMoveTies statement = `
UNWIND $rows AS x
CALL (x) {
  MATCH (v:RelEvidence {ns: $ns, sourceId: x.sourceId})
  WHERE v.targetId = x.targetId AND v.type = x.type
  SET v.relId = x.relId
}
CALL (x) {
  WITH x WHERE x.relId <> ''
  MATCH (s:Entity {ns: $ns, id: x.source})
  MATCH (t:Entity {ns: $ns, id: x.target})
  MERGE (s)-[r:REL {ns: $ns, id: x.relId}]->(t)
  ON CREATE SET r.type = x.type, r.directed = x.directed, r.evidenceCount = 0
}`

// cypherMoveMentions re-attaches the mentions written with a member's id
// from the entity they resolved to ($old) to the one they resolve to now
// ($target).
const cypherMoveMentions statement = `
MATCH (t:Entity {ns: $ns, id: $target})
MATCH (m:Mention {ns: $ns, entityId: $old})
WHERE coalesce(m.origEntityId, m.entityId) IN $members
CALL (m) {
  MATCH (m)-[x:MENTIONS]->(:Entity)
  DELETE x
}
CREATE (m)-[:MENTIONS]->(t)
SET m.entityId = $target`

// cypherMoveClaimEvidence re-resolves the speakers and subjects of the
// claim evidence of the claims $old said or is the subject of, and returns
// the claims whose aggregates must be recomputed.
const cypherMoveClaimEvidence statement = `
MATCH (o:Entity {ns: $ns, id: $old})
CALL (o) {
  MATCH (o)-[:SAID]->(c:Claim)
  RETURN c
  UNION
  MATCH (c:Claim)-[:ABOUT]->(o)
  RETURN c
}
MATCH (w:ClaimEvidence {ns: $ns, claimId: c.id})
WITH c, w, coalesce(w.origSpeakerIds, w.speakerIds) AS speakers, coalesce(w.origAboutIds, w.aboutIds) AS about
SET w.speakerIds = [k IN range(0, size(speakers) - 1) |
      CASE WHEN speakers[k] IN $members THEN $target ELSE w.speakerIds[k] END],
    w.aboutIds = [k IN range(0, size(about) - 1) |
      CASE WHEN about[k] IN $members THEN $target ELSE w.aboutIds[k] END]
RETURN collect(DISTINCT c.id) AS claimIds`

// cypherMerges lists the merges in force, newest first.
const cypherMerges statement = `
MATCH (f:Entity {ns: $ns})-[g:MERGED_INTO]->(i:Entity)
WITH f, g, i ORDER BY g.mergedAt DESC, f.id
SKIP $offset LIMIT $limit
RETURN {into: i.id, from: f.id, fromName: g.fromName, fromKind: g.fromKind, mergedAt: g.mergedAt} AS merge`
