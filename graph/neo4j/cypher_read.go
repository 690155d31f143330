package neo4j

// Read statements. They return map projections rather than nodes, so that
// the decoder depends on property names only and scripted Bolt peers can
// answer them with plain maps.

const articleFields = `{.id, .url, .title, .outlet, .publishedAt, .ingestedAt, .contentHash, .text}`

const cypherArticle statement = `
MATCH (a:Article {ns: $ns, id: $id})
RETURN a ` + articleFields + ` AS article`

const articleMatch = `
MATCH (a:Article {ns: $ns})
WHERE ($outletKey = '' OR a.outletKey = $outletKey)
  AND ($since IS NULL OR a.publishedAt >= $since)
  AND ($until IS NULL OR a.publishedAt < $until)`

// cypherArticles orders by ArticleFilter.Order; every key but the selected
// one is null, so ties fall through to the id. Undated articles come last
// in both publication orders.
const cypherArticles statement = articleMatch + `
WITH a ORDER BY
         CASE WHEN $order IN ['', 'PUBLISHED_ASC'] THEN a.publishedAt IS NULL END,
         CASE $order WHEN '' THEN a.publishedAt END DESC,
         CASE $order WHEN 'PUBLISHED_ASC' THEN a.publishedAt END,
         CASE $order WHEN 'INGESTED_DESC' THEN a.ingestedAt END DESC,
         a.id
SKIP $offset LIMIT $limit
RETURN a ` + articleFields + ` AS article`

const cypherCountArticles statement = articleMatch + `
RETURN count(a) AS n`

const cypherArticlesByID statement = `
UNWIND $ids AS id
MATCH (a:Article {ns: $ns, id: id})
RETURN a ` + articleFields + ` AS article`

const entityFields = `{.id, .kind, .name, .aliases, .roles, .externalIds, .firstSeen, .lastSeen, .mentionCount}`

const cypherEntity statement = `
MATCH (e:Entity {ns: $ns, id: $id})
WHERE e.visible
RETURN e ` + entityFields + ` AS entity`

const cypherEntitiesByID statement = `
UNWIND $ids AS id
MATCH (e:Entity {ns: $ns, id: id})
WHERE e.visible
RETURN e ` + entityFields + ` AS entity`

// entityFilter applies EntityFilter's outlet and date range to candidate
// entities e: some mention from an article of the outlet dated within it.
const entityFilter = `
  AND (size($kinds) = 0 OR e.kind IN $kinds)
  AND ($since IS NULL AND $until IS NULL AND $outletKey = ''
       OR EXISTS { MATCH (a:Article)-[:HAS_MENTION]->(m:Mention)-[:MENTIONS]->(e)
                   WHERE ($since IS NULL OR m.articleDate >= $since)
                     AND ($until IS NULL OR m.articleDate < $until)
                     AND ($outletKey = '' OR a.outletKey = $outletKey) })`

// entityOrder orders by EntityFilter.Order; every key but the selected one
// is null, so ties fall through to the id. Entities never mentioned (no
// last-seen date) come last, as SQL's NULLS LAST would put them.
const entityOrder = `
         CASE WHEN $order IN ['', 'MENTIONS'] THEN e.mentionCount END DESC,
         CASE $order WHEN 'NAME' THEN e.nameKey END,
         CASE $order WHEN 'LAST_SEEN' THEN e.lastSeen IS NULL END,
         CASE $order WHEN 'LAST_SEEN' THEN e.lastSeen END DESC,
         e.id`

const entityBrowse = `
MATCH (e:Entity {ns: $ns})
WHERE e.visible` + entityFilter

const cypherEntities statement = entityBrowse + `
WITH e ORDER BY` + entityOrder + `
SKIP $offset LIMIT $limit
RETURN e ` + entityFields + ` AS entity`

const cypherCountEntities statement = entityBrowse + `
RETURN count(e) AS n`

// entityMatch filters candidate entities e to those with a name or alias
// key in which every query word is the prefix of a word. Matching is done on
// keys the store computed with graph.CanonicalKey, so that it folds case
// exactly as the other backends.
const entityMatch = `
WHERE e.ns = $ns AND e.visible
  AND any(k IN e.searchKeys WHERE all(w IN $words WHERE any(t IN split(k, ' ') WHERE t STARTS WITH w)))` + entityFilter

// entityMatchTail orders matches: exact name or alias matches first (for
// the relevance order), then by the filter's order.
const entityMatchTail = entityMatch + `
WITH e, $exact IN e.searchKeys AS exact
ORDER BY CASE $order WHEN '' THEN exact END DESC,` + entityOrder + `
SKIP $offset LIMIT $limit
RETURN e ` + entityFields + ` AS entity`

// cypherSearchEntitiesScan serves queries the full-text analyser could
// split differently from graph.CanonicalKey (punctuation, non-Latin
// scripts): it scans every entity.
const cypherSearchEntitiesScan statement = `
MATCH (e:Entity {ns: $ns})` + entityMatchTail

// cypherSearchEntitiesFullText narrows the candidates with the full-text
// index first; the exact filter still decides.
const cypherSearchEntitiesFullText statement = `
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node
WITH node AS e` + entityMatchTail

const cypherCountSearchEntitiesScan statement = `
MATCH (e:Entity {ns: $ns})` + entityMatch + `
RETURN count(e) AS n`

const cypherCountSearchEntitiesFullText statement = `
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node
WITH node AS e` + entityMatch + `
RETURN count(e) AS n`

const mentionFields = `{.entityId, .text, .role, .kindInContext, .articleId, .sentenceIndex, .sentenceText, .start, .end, .trigger, .extractor, .confidence}`

// Mentions are ordered by article, start, end, entity and place in the
// extraction, as in every backend.
const cypherMentionsByEntity statement = `
MATCH (m:Mention {ns: $ns, entityId: $entityId})
WHERE $articleId = '' OR m.articleId = $articleId
WITH m ORDER BY m.articleId, m.start, m.end, m.entityId, m.seq
SKIP $offset LIMIT $limit
RETURN m ` + mentionFields + ` AS mention`

// cypherCountMentionsByEntity and cypherCountMentionsByArticle count what
// the two statements above list.
const cypherCountMentionsByEntity statement = `
MATCH (m:Mention {ns: $ns, entityId: $entityId})
WHERE $articleId = '' OR m.articleId = $articleId
RETURN count(m) AS n`

const cypherCountMentionsByArticle statement = `
MATCH (m:Mention {ns: $ns, articleId: $articleId})
RETURN count(m) AS n`

const cypherMentionsByArticle statement = `
MATCH (m:Mention {ns: $ns, articleId: $articleId})
WITH m ORDER BY m.articleId, m.start, m.end, m.entityId, m.seq
SKIP $offset LIMIT $limit
RETURN m ` + mentionFields + ` AS mention`

// relationshipFilter applies RelationshipFilter's types, confidence,
// outlet and date range to candidate relationships r: some evidence from an
// article of the outlet dated within the range.
const relationshipFilter = `
  AND (size($types) = 0 OR r.type IN $types)
  AND r.confidence >= $minConfidence
  AND ($since IS NULL AND $until IS NULL AND $outletKey = ''
       OR EXISTS { MATCH (a:Article)-[:HAS_EVIDENCE]->(v:RelEvidence {ns: $ns, relId: r.id})
                   WHERE ($since IS NULL OR v.articleDate >= $since)
                     AND ($until IS NULL OR v.articleDate < $until)
                     AND ($outletKey = '' OR a.outletKey = $outletKey) })`

// relationshipOrder orders by RelationshipFilter.Order; every key but the
// selected one is null, so ties fall through to the id.
const relationshipOrder = `
ORDER BY CASE $order WHEN '' THEN r.evidenceCount END DESC,
         CASE $order WHEN 'CONFIDENCE' THEN r.confidence END DESC,
         CASE $order WHEN 'LAST_SEEN' THEN r.lastSeen END DESC,
         CASE $order WHEN 'FIRST_SEEN' THEN r.firstSeen END,
         r.id`

const relationshipFields = `{id: r.id, type: r.type, sourceId: startNode(r).id, targetId: endNode(r).id,
        directed: r.directed, evidenceCount: r.evidenceCount, firstSeen: r.firstSeen,
        lastSeen: r.lastSeen, confidence: r.confidence}`

const relationshipPage = `
WITH DISTINCT r` + relationshipOrder + `
SKIP $offset LIMIT $limit
RETURN ` + relationshipFields + ` AS relationship`

// relationshipsOfEntity matches the relationships of entity e in the
// filter's direction. Undirected relationships match every direction.
const relationshipsOfEntity = `
MATCH (e)-[r:REL]-(:Entity)
WHERE ($direction = '' OR NOT r.directed
       OR ($direction = 'OUT' AND startNode(r) = e)
       OR ($direction = 'IN' AND endNode(r) = e))` + relationshipFilter

// cypherRelationshipsOf reads the neighbourhood of one entity.
const cypherRelationshipsOf statement = `
MATCH (e:Entity {ns: $ns, id: $entityId})` + relationshipsOfEntity + relationshipPage

const cypherRelationships statement = `
MATCH (:Entity {ns: $ns})-[r:REL]->(:Entity)
WHERE true` + relationshipFilter + relationshipPage

const cypherCountRelationshipsOf statement = `
MATCH (e:Entity {ns: $ns, id: $entityId})` + relationshipsOfEntity + `
RETURN count(DISTINCT r) AS n`

const cypherCountRelationships statement = `
MATCH (:Entity {ns: $ns})-[r:REL]->(:Entity)
WHERE true` + relationshipFilter + `
RETURN count(r) AS n`

// cypherRelationshipsOfMany is the dataloader's batch: the relationships
// of many entities, paged per entity, in one statement.
const cypherRelationshipsOfMany statement = `
UNWIND $entityIds AS entityId
MATCH (e:Entity {ns: $ns, id: entityId})
CALL (e) {` + relationshipsOfEntity + `
  WITH DISTINCT r` + relationshipOrder + `
  SKIP $offset LIMIT $limit
  RETURN collect(` + relationshipFields + `) AS relationships
}
RETURN entityId, relationships`

const cypherRelationship statement = `
MATCH (:Entity {ns: $ns})-[r:REL {ns: $ns, id: $id}]->(:Entity)
RETURN ` + relationshipFields + ` AS relationship`

const cypherRelationshipEvidence statement = `
UNWIND $ids AS id
MATCH (v:RelEvidence {ns: $ns, relId: id})
WITH id, v ORDER BY v.articleDate, v.articleId, v.start, v.seq
WITH id, collect(v {.*}) AS citations
RETURN id, CASE WHEN $perRelationship > 0 THEN citations[..$perRelationship] ELSE citations END AS citations`

const claimFields = `{.id, .text, .normalized, .verbatim, .cue, .speakerIds, .aboutIds, .evidenceCount, .firstSeen, .lastSeen, .confidence}`

const cypherClaim statement = `
MATCH (c:Claim {ns: $ns, id: $id})
RETURN c ` + claimFields + ` AS claim`

// claimFilter applies every ClaimFilter field to candidate claims c; the
// statements below differ only in where the candidates come from, so that
// the most selective filter is the one an index serves. Outlet and dates
// select claims with some evidence from an article of the outlet dated
// within the range.
const claimFilter = `
WHERE ($speakerId = '' OR EXISTS { MATCH (:Entity {ns: $ns, id: $speakerId})-[:SAID]->(c) })
  AND ($aboutId = '' OR EXISTS { MATCH (c)-[:ABOUT]->(:Entity {ns: $ns, id: $aboutId}) })
  AND ($articleId = '' OR EXISTS { MATCH (:Article {ns: $ns, id: $articleId})-[:HAS_EVIDENCE]->(:ClaimEvidence)-[:SUPPORTS]->(c) })
  AND all(w IN $words WHERE w IN split(c.normalized, ' '))
  AND c.confidence >= $minConfidence
  AND ($since IS NULL AND $until IS NULL AND $outletKey = ''
       OR EXISTS { MATCH (a:Article)-[:HAS_EVIDENCE]->(w:ClaimEvidence)-[:SUPPORTS]->(c)
                   WHERE ($since IS NULL OR w.articleDate >= $since)
                     AND ($until IS NULL OR w.articleDate < $until)
                     AND ($outletKey = '' OR a.outletKey = $outletKey) })`

// claimOrder orders by ClaimFilter.Order, ties by id.
const claimOrder = `
ORDER BY CASE $order WHEN '' THEN c.firstSeen END,
         CASE $order WHEN 'EVIDENCE' THEN c.evidenceCount END DESC,
         CASE $order WHEN 'LAST_SEEN' THEN c.lastSeen END DESC,
         c.id`

const claimPaged = claimFilter + `
WITH DISTINCT c` + claimOrder + `
SKIP $offset LIMIT $limit`

const claimPage = claimPaged + `
RETURN c ` + claimFields + ` AS claim`

const claimCount = claimFilter + `
RETURN count(DISTINCT c) AS n`

const cypherClaimsBySpeaker statement = `
MATCH (:Entity {ns: $ns, id: $speakerId})-[:SAID]->(c:Claim)` + claimPage

const cypherClaimsByAbout statement = `
MATCH (c:Claim)-[:ABOUT]->(:Entity {ns: $ns, id: $aboutId})` + claimPage

const cypherClaimsByArticle statement = `
MATCH (:Article {ns: $ns, id: $articleId})-[:HAS_EVIDENCE]->(:ClaimEvidence)-[:SUPPORTS]->(c:Claim)` + claimPage

const cypherClaims statement = `
MATCH (c:Claim {ns: $ns})` + claimPage

const cypherCountClaimsBySpeaker statement = `
MATCH (:Entity {ns: $ns, id: $speakerId})-[:SAID]->(c:Claim)` + claimCount

const cypherCountClaimsByAbout statement = `
MATCH (c:Claim)-[:ABOUT]->(:Entity {ns: $ns, id: $aboutId})` + claimCount

const cypherCountClaimsByArticle statement = `
MATCH (:Article {ns: $ns, id: $articleId})-[:HAS_EVIDENCE]->(:ClaimEvidence)-[:SUPPORTS]->(c:Claim)` + claimCount

const cypherCountClaims statement = `
MATCH (c:Claim {ns: $ns})` + claimCount

// The dataloader's batches: the claims each entity made, or the claims
// about each, paged per entity, in one statement.
const cypherClaimsOfSpeakers statement = `
UNWIND $entityIds AS entityId
CALL (entityId) {
  MATCH (:Entity {ns: $ns, id: entityId})-[:SAID]->(c:Claim)` + claimPaged + `
  RETURN collect(c ` + claimFields + `) AS claims
}
RETURN entityId, claims`

const cypherClaimsOfSubjects statement = `
UNWIND $entityIds AS entityId
CALL (entityId) {
  MATCH (c:Claim)-[:ABOUT]->(:Entity {ns: $ns, id: entityId})` + claimPaged + `
  RETURN collect(c ` + claimFields + `) AS claims
}
RETURN entityId, claims`

const cypherClaimEvidence statement = `
UNWIND $ids AS id
MATCH (w:ClaimEvidence {ns: $ns, claimId: id})
WITH id, w ORDER BY w.articleDate, w.articleId, w.start, w.seq
RETURN id, collect(w {.*}) AS evidence`

// cypherStats counts what the store holds. Evidence of a tie between two
// entities merged into one supports nothing and is no citation.
const cypherStats statement = `
RETURN COUNT { MATCH (:Article {ns: $ns}) } AS articles,
       COUNT { MATCH (e:Entity {ns: $ns}) WHERE e.visible } AS entities,
       COUNT { MATCH (:Mention {ns: $ns}) } AS mentions,
       COUNT { MATCH (:Entity {ns: $ns})-[:REL]->(:Entity) } AS relationships,
       COUNT { MATCH (:Claim {ns: $ns}) } AS claims,
       COUNT { MATCH (v:RelEvidence {ns: $ns}) WHERE v.relId <> '' } + COUNT { MATCH (:ClaimEvidence {ns: $ns}) } AS citations`
