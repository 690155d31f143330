package neo4j

// The graph model. Every node and REL edge carries ns, the name of the
// graph it belongs to, and every pattern matches on it. Articles own
// everything extracted from them, through edges, so that replacing or
// retracting an article is a traversal from one node:
//
//	(:Article)-[:DECLARES {name, names, roles, externalIds, keys}]->(:Entity)
//	(:Article)-[:HAS_MENTION]->(:Mention)-[:MENTIONS]->(:Entity)
//	(:Entity)-[:REL {id, type, directed, evidenceCount, firstSeen, lastSeen, confidence}]->(:Entity)
//	(:Article)-[:HAS_EVIDENCE]->(:RelEvidence {relId, ...citation})
//	(:Article)-[:HAS_EVIDENCE]->(:ClaimEvidence {claimId, ...})-[:SUPPORTS]->(:Claim)
//	(:Entity)-[:SAID]->(:Claim)-[:ABOUT]->(:Entity)
//
// Entities, REL edges and claims are aggregates, recomputed from that
// evidence for every node a write touched. The neighbourhood of an entity is
// its REL edges, so graph reads never go through evidence nodes.

// cypherClearArticle removes everything an article contributed and returns
// the ids of the aggregates it touched, so that they can be recomputed in the
// same transaction, with found false when the article does not exist. It
// also resolves, through merge records, the entities the article declared
// and those it is about to declare ($entityIds): merges holds [id, root]
// for each that is merged into another.
const cypherClearArticle statement = `
OPTIONAL MATCH (a:Article {ns: $ns, id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[:DECLARES]->(e:Entity)
  RETURN collect(DISTINCT e.id) AS entityIds
}
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_EVIDENCE]->(v:RelEvidence)
  RETURN collect(DISTINCT v.relId) AS relIds
}
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_EVIDENCE]->(w:ClaimEvidence)
  RETURN collect(DISTINCT w.claimId) AS claimIds
}
CALL (entityIds) {
  UNWIND $entityIds + entityIds AS entityId
  MATCH (:Entity {ns: $ns, id: entityId})-[:MERGED_INTO*1..]->(root:Entity)
  WHERE NOT EXISTS { MATCH (root)-[:MERGED_INTO]->(:Entity) }
  RETURN collect(DISTINCT [entityId, root.id]) AS merges
}
CALL (a) {
  MATCH (a)-[d:DECLARES]->(:Entity)
  DELETE d
}
CALL (a) {
  MATCH (a)-[:HAS_MENTION]->(m:Mention)
  DETACH DELETE m
}
CALL (a) {
  MATCH (a)-[:HAS_EVIDENCE]->(v)
  DETACH DELETE v
}
RETURN a IS NOT NULL AS found, entityIds, [id IN relIds WHERE id <> ''] AS relIds, claimIds, merges`

// cypherDeleteArticle removes the article node itself, once cleared.
const cypherDeleteArticle statement = `
MATCH (a:Article {ns: $ns, id: $id})
DETACH DELETE a`

// cypherMergeExtraction writes an article and all its evidence in one
// statement: every list is UNWIND-batched, so the cost in round trips does
// not grow with the size of the extraction. The article keeps the
// ingestedAt of its first write. Evidence properties arrive as flat maps
// built by extractionParams (ns included). Evidence keeps the entity ids
// the extraction gave (origEntityId, the sourceId/targetId of relationship
// evidence, origSpeakerIds/origAboutIds); mentions, REL edges and claim
// evidence are attached to the entities those resolve to through merges,
// and relationship evidence between two merged entities attaches to no
// REL edge (relId is empty).
const cypherMergeExtraction statement = `
MERGE (a:Article {ns: $ns, id: $article.id})
ON CREATE SET a.ingestedAt = $article.ingestedAt
SET a.url = $article.url,
    a.title = $article.title,
    a.outlet = $article.outlet,
    a.outletKey = $article.outletKey,
    a.publishedAt = $article.publishedAt,
    a.contentHash = $article.contentHash,
    a.text = $article.text,
    a.date = coalesce($article.publishedAt, a.ingestedAt)
WITH a
CALL (a) {
  UNWIND $entities AS x
  MERGE (e:Entity {ns: $ns, id: x.id})
  ON CREATE SET e.kind = x.kind, e.name = x.name, e.mentionCount = 0, e.visible = false
  CREATE (a)-[d:DECLARES]->(e)
  SET d = x.props
}
CALL (a) {
  UNWIND $mentions AS x
  MATCH (e:Entity {ns: $ns, id: x.entityId})
  CREATE (a)-[:HAS_MENTION]->(m:Mention)-[:MENTIONS]->(e)
  SET m = x.props, m.articleDate = a.date
}
CALL (a) {
  UNWIND $relationships AS x
  CREATE (a)-[:HAS_EVIDENCE]->(v:RelEvidence)
  SET v = x.props, v.articleDate = a.date
  WITH x WHERE x.id <> ''
  MATCH (s:Entity {ns: $ns, id: x.sourceId})
  MATCH (t:Entity {ns: $ns, id: x.targetId})
  MERGE (s)-[r:REL {ns: $ns, id: x.id}]->(t)
  ON CREATE SET r.type = x.type, r.directed = x.directed, r.evidenceCount = 0
}
CALL (a) {
  UNWIND $claims AS x
  MERGE (c:Claim {ns: $ns, id: x.claimId})
  ON CREATE SET c.evidenceCount = 0
  CREATE (a)-[:HAS_EVIDENCE]->(w:ClaimEvidence)-[:SUPPORTS]->(c)
  SET w = x.props, w.articleDate = a.date
}
RETURN a.id AS id`

// cypherRecomputeRelationships recomputes the aggregates of REL edges from
// their evidence and deletes those left with none. Evidence is folded in a
// fixed order so that the noisy-or confidence is the same float on every
// run.
const cypherRecomputeRelationships statement = `
UNWIND $ids AS id
MATCH (:Entity {ns: $ns})-[r:REL {ns: $ns, id: id}]->(:Entity {ns: $ns})
CALL (r) {
  OPTIONAL MATCH (v:RelEvidence {ns: $ns, relId: r.id})
  WITH v ORDER BY v.articleDate, v.articleId, v.start, v.seq
  RETURN count(v) AS evidenceCount, min(v.articleDate) AS firstSeen,
         max(v.articleDate) AS lastSeen, collect(v.confidence) AS confidences
}
CALL (r, evidenceCount) {
  WITH r WHERE evidenceCount = 0
  DELETE r
}
WITH r, evidenceCount, firstSeen, lastSeen, confidences
WHERE evidenceCount > 0
SET r.evidenceCount = evidenceCount,
    r.firstSeen = firstSeen,
    r.lastSeen = lastSeen,
    r.confidence = 1.0 - reduce(p = 1.0, c IN confidences | p * (1.0 - c))`

// cypherRecomputeClaims recomputes claims from their evidence: text and cue
// as first seen, speakers and subjects as the union over all evidence, and
// the SAID/ABOUT edges that let graph reads reach claims from entities.
const cypherRecomputeClaims statement = `
UNWIND $ids AS id
MATCH (c:Claim {ns: $ns, id: id})
CALL (c) {
  OPTIONAL MATCH (w:ClaimEvidence {ns: $ns, claimId: c.id})
  WITH w ORDER BY w.articleDate, w.articleId, w.start, w.seq
  RETURN count(w) AS evidenceCount, collect(w)[0] AS first,
         min(w.articleDate) AS firstSeen, max(w.articleDate) AS lastSeen,
         collect(w.confidence) AS confidences,
         any(x IN collect(w.verbatim) WHERE x) AS verbatim
}
CALL (c) {
  OPTIONAL MATCH (w:ClaimEvidence {ns: $ns, claimId: c.id})
  UNWIND coalesce(w.speakerIds, []) AS s
  WITH DISTINCT s ORDER BY s
  RETURN collect(s) AS speakerIds
}
CALL (c) {
  OPTIONAL MATCH (w:ClaimEvidence {ns: $ns, claimId: c.id})
  UNWIND coalesce(w.aboutIds, []) AS s
  WITH DISTINCT s ORDER BY s
  RETURN collect(s) AS aboutIds
}
CALL (c, evidenceCount) {
  WITH c WHERE evidenceCount = 0
  DETACH DELETE c
}
WITH c, evidenceCount, first, firstSeen, lastSeen, confidences, verbatim, speakerIds, aboutIds
WHERE evidenceCount > 0
SET c.text = first.text,
    c.normalized = first.normalized,
    c.cue = first.claimCue,
    c.verbatim = verbatim,
    c.speakerIds = speakerIds,
    c.aboutIds = aboutIds,
    c.evidenceCount = evidenceCount,
    c.firstSeen = firstSeen,
    c.lastSeen = lastSeen,
    c.confidence = 1.0 - reduce(p = 1.0, x IN confidences | p * (1.0 - x))
WITH c, speakerIds, aboutIds
CALL (c) {
  MATCH (:Entity)-[s:SAID]->(c)
  DELETE s
}
CALL (c) {
  MATCH (c)-[b:ABOUT]->(:Entity)
  DELETE b
}
CALL (c, speakerIds) {
  UNWIND speakerIds AS sid
  MATCH (s:Entity {ns: $ns, id: sid})
  CREATE (s)-[:SAID]->(c)
}
CALL (c, aboutIds) {
  UNWIND aboutIds AS aid
  MATCH (t:Entity {ns: $ns, id: aid})
  CREATE (c)-[:ABOUT]->(t)
}`

// cypherRecomputeEntities recomputes entities from the articles that declare
// them and from their mentions. Like the other backends: the name is the
// one of the latest-dated declaring article (ties: greatest article id), so
// it does not depend on write order; aliases are every other declared or
// mentioned name and roles every declared or mentioned role, trimmed and
// sorted; external ids merge with later articles winning (the decoder keeps
// the last "key\tvalue" pair per key). An entity stays visible while it has a
// mention or a relationship or claim refers to it; it is deleted once no
// article declares it. Merges (MERGED_INTO edges): the declarations of the
// entities merged into e count for e (its mentions, REL edges and claims
// are already attached to it), its own first for the name and each
// external id, as in every backend; a merged
// entity is hidden; an entity in a merge record is kept, declared or not, so
// that the record and later writes naming it still resolve.
const cypherRecomputeEntities statement = `
UNWIND $ids AS id
MATCH (e:Entity {ns: $ns, id: id})
CALL (e) {
  OPTIONAL MATCH (a:Article)-[d:DECLARES]->(:Entity)-[:MERGED_INTO*0..]->(e)
  WITH a, d, endNode(d) = e AS own ORDER BY own DESC, a.date DESC, a.id DESC
  RETURN count(CASE WHEN own THEN d END) AS declarations, collect(d.name)[0] AS name, collect(d.keys[0])[0] AS nameKey
}
CALL (e) {
  OPTIONAL MATCH (:Article)-[d:DECLARES]->(:Entity)-[:MERGED_INTO*0..]->(e)
  UNWIND coalesce(d.names, []) AS n
  RETURN collect(DISTINCT n) AS declaredNames
}
CALL (e) {
  OPTIONAL MATCH (:Article)-[d:DECLARES]->(:Entity)-[:MERGED_INTO*0..]->(e)
  UNWIND coalesce(d.roles, []) AS r
  RETURN collect(DISTINCT r) AS declaredRoles
}
CALL (e) {
  OPTIONAL MATCH (:Article)-[d:DECLARES]->(:Entity)-[:MERGED_INTO*0..]->(e)
  UNWIND coalesce(d.keys, []) AS k
  RETURN collect(DISTINCT k) AS declaredKeys
}
CALL (e) {
  OPTIONAL MATCH (a:Article)-[d:DECLARES]->(:Entity)-[:MERGED_INTO*0..]->(e)
  WITH a, d, endNode(d) = e AS own ORDER BY own, a.date, a.id
  UNWIND coalesce(d.externalIds, []) AS x
  WITH split(x, '\t')[0] AS key, collect(x) AS pairs
  WITH key, pairs[size(pairs) - 1] AS last ORDER BY key
  RETURN collect(last) AS externalIds
}
CALL (e) {
  OPTIONAL MATCH (m:Mention {ns: $ns, entityId: e.id})
  RETURN count(m) AS mentionCount, min(m.articleDate) AS firstSeen, max(m.articleDate) AS lastSeen,
         collect(DISTINCT m.text) AS mentionTexts, collect(DISTINCT m.role) AS mentionRoles,
         collect(DISTINCT m.key) AS mentionKeys
}
CALL (e) {
  RETURN EXISTS { MATCH (e)-[:MERGED_INTO]-(:Entity) } AS inMerge,
         EXISTS { MATCH (e)-[:MERGED_INTO]->(:Entity) } AS merged
}
CALL (e, declarations, inMerge) {
  WITH e WHERE declarations = 0 AND NOT inMerge
  DETACH DELETE e
}
WITH e, declarations, inMerge, merged, name, nameKey, declaredNames, declaredRoles, declaredKeys, externalIds,
     mentionCount, firstSeen, lastSeen, mentionTexts, mentionRoles, mentionKeys
WHERE declarations > 0 OR inMerge
// Only now read e's own properties: on the rows filtered out, e has just
// been deleted, and Neo4j refuses to read a deleted node.
WITH e, merged, coalesce(name, e.name) AS name, coalesce(nameKey, e.nameKey) AS nameKey, declaredNames, declaredRoles, declaredKeys, externalIds,
     mentionCount, firstSeen, lastSeen, mentionTexts, mentionRoles, mentionKeys
CALL (name, declaredNames, mentionTexts) {
  UNWIND declaredNames + mentionTexts AS n
  WITH DISTINCT trim(n) AS n, name
  WITH n WHERE n <> '' AND n <> name
  WITH n ORDER BY n
  RETURN collect(n) AS aliases
}
CALL (declaredRoles, mentionRoles) {
  UNWIND declaredRoles + mentionRoles AS r
  WITH DISTINCT trim(r) AS r
  WITH r WHERE r <> ''
  WITH r ORDER BY r
  RETURN collect(r) AS roles
}
CALL (declaredKeys, mentionKeys) {
  UNWIND declaredKeys + mentionKeys AS k
  WITH DISTINCT k WHERE k <> ''
  WITH k ORDER BY k
  RETURN collect(k) AS searchKeys
}
SET e.name = name,
    e.nameKey = nameKey,
    e.aliases = aliases,
    e.roles = roles,
    e.externalIds = externalIds,
    e.mentionCount = mentionCount,
    e.firstSeen = firstSeen,
    e.lastSeen = lastSeen,
    e.searchKeys = searchKeys,
    e.searchText = reduce(s = '', k IN searchKeys | s + ' ' + k),
    e.visible = NOT merged AND (mentionCount > 0
      OR EXISTS { MATCH (e)-[:REL]-(:Entity) }
      OR EXISTS { MATCH (e)-[:SAID|ABOUT]-(:Claim) })`

// cypherDeleteGraphEdges deletes up to 10,000 relationships of one graph
// (ns): every relationship starts at a node of its graph. Deleting nodes
// with DETACH DELETE in batches of nodes is not bounded: a batch that
// holds the hub entities holds most of the graph's relationships, and at
// 100,000 REL edges one such transaction outgrew the server's transaction
// memory (dbms.memory.transaction.total.max). So the relationships go
// first, in batches of their own, and then the nodes, which have none left.
const cypherDeleteGraphEdges statement = `
MATCH (n {ns: $ns})-[r]->()
WITH r LIMIT 10000
DELETE r
RETURN count(*) AS deleted`

// cypherDeleteGraph deletes up to 10,000 nodes of one graph (ns), once
// cypherDeleteGraphEdges has deleted their relationships (DETACH, in case
// another writer added one since).
const cypherDeleteGraph statement = `
MATCH (n {ns: $ns})
WITH n LIMIT 10000
DETACH DELETE n
RETURN count(*) AS deleted`
