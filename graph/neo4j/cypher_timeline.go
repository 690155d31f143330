package neo4j

// cypherTimeline buckets an entity's evidence by article date in Neo4j:
// its mentions (M), the evidence of its relationships by type (R), the
// claim evidence it is a speaker of (B) or the subject of (A). It answers
// one row per bucket and kind (and type), with the bucket's count of
// distinct articles; no row when the entity has no evidence in the range.
const cypherTimeline statement = `
MATCH (e:Entity {ns: $ns, id: $id})
WHERE e.visible
CALL (e) {
  MATCH (m:Mention {ns: $ns, entityId: e.id})
  RETURN 'M' AS kind, '' AS type, m.articleDate AS date, m.articleId AS article
  UNION ALL
  MATCH (e)-[r:REL]-(:Entity)
  MATCH (v:RelEvidence {ns: $ns, relId: r.id})
  RETURN 'R' AS kind, r.type AS type, v.articleDate AS date, v.articleId AS article
  UNION ALL
  MATCH (e)-[:SAID]->(c:Claim)
  MATCH (w:ClaimEvidence {ns: $ns, claimId: c.id})
  WHERE e.id IN w.speakerIds
  RETURN 'B' AS kind, '' AS type, w.articleDate AS date, w.articleId AS article
  UNION ALL
  MATCH (c:Claim)-[:ABOUT]->(e)
  MATCH (w:ClaimEvidence {ns: $ns, claimId: c.id})
  WHERE e.id IN w.aboutIds
  RETURN 'A' AS kind, '' AS type, w.articleDate AS date, w.articleId AS article
}
WITH kind, type, date, article
WHERE ($since IS NULL OR date >= $since) AND ($until IS NULL OR date < $until)
WITH datetime.truncate($unit, date) AS start, article, kind, type, count(*) AS n
WITH start, article, collect({kind: kind, type: type, n: n}) AS parts
WITH start, count(article) AS articles, collect(parts) AS partLists
UNWIND partLists AS parts
UNWIND parts AS part
WITH start, articles, part.kind AS kind, part.type AS type, sum(part.n) AS n
RETURN start, articles, kind, type, n
ORDER BY start, kind, type`

// cypherEntityExists tells an entity without evidence in a range from an
// unknown one.
const cypherEntityExists statement = `
MATCH (e:Entity {ns: $ns, id: $id})
WHERE e.visible
RETURN e.id AS id`

// cypherCoOccurrences counts, for every other entity, the sentences (or
// articles, when $sentence is false) that mention both it and the entity.
const cypherCoOccurrences statement = coOccurrenceMatch + `
WITH other, count(*) AS n, count(DISTINCT article) AS articles, min(date) AS firstSeen, max(date) AS lastSeen
ORDER BY n DESC, other
SKIP $offset LIMIT $limit
RETURN other AS entityId, n AS count, articles, firstSeen, lastSeen`

// cypherCountCoOccurrences counts the entities cypherCoOccurrences lists.
const cypherCountCoOccurrences statement = coOccurrenceMatch + `
RETURN count(DISTINCT other) AS n`

// coOccurrenceMatch yields one row per other entity and sentence (or
// article) shared with the entity.
const coOccurrenceMatch = `
MATCH (m:Mention {ns: $ns, entityId: $id})
WHERE ($since IS NULL OR m.articleDate >= $since) AND ($until IS NULL OR m.articleDate < $until)
WITH DISTINCT m.articleId AS article, CASE WHEN $sentence THEN m.sentenceIndex ELSE -1 END AS sentence, m.articleDate AS date
MATCH (o:Mention {ns: $ns, articleId: article})
WHERE o.entityId <> $id AND (NOT $sentence OR o.sentenceIndex = sentence)
WITH DISTINCT o.entityId AS other, article, sentence, date
MATCH (x:Entity {ns: $ns, id: other})
WHERE x.visible AND (size($kinds) = 0 OR x.kind IN $kinds)`
