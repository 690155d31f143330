package neo4j

// Search statements. Both full-text indexes narrow candidates; the exact
// word filter (every query word the prefix of a word of a canonical key)
// then decides, as in SearchEntities, so that Lucene's tokenizer never
// widens a result.
//
// Scores follow the embedded store's rule: b/(1+b) for a partial match,
// plus 1 when a name, an alias or the claim text is the query itself (same
// canonical key), so partial matches score in (0, 1) and exact ones 1 or
// more. b is the share of the best matching name's (or the claim's) words
// that the query's words cover, so that shorter names rank first. It
// depends on the hit and the query only: Lucene's own scores depend on
// index statistics that every graph of a database shares and that deleted
// documents linger in, and would drift between stores and across merges.

// claimFullText names the full-text index on claim text.
const claimFullText = "newsgraph_claim_text"

// searchEntityHits and searchClaimHits keep the full-text candidates (node)
// that are hits, as e and c; Search and CountSearch share them so that a
// count counts what the list returns. Both take every candidate the index
// has: the indexes serve every graph of the database, and prefix queries
// score alike, so Lucene's first N are not this graph's best N (a cut at
// 1,000 lost hits to a neighbouring graph: TestSearchBesideOtherGraphs).
const searchEntityHits = `
  WITH node AS e
  WHERE e.ns = $ns AND e.visible
    AND (size($kinds) = 0 OR e.kind IN $kinds)
    AND any(k IN e.searchKeys WHERE all(w IN $words WHERE any(t IN split(k, ' ') WHERE t STARTS WITH w)))`

const searchClaimHits = `
  WITH node AS c
  WHERE c.ns = $ns
    AND all(w IN $words WHERE any(t IN split(c.normalized, ' ') WHERE t STARTS WITH w))`

const cypherSearch statement = `
CALL () {
  WITH $entities AS searched
  WHERE searched
  CALL db.index.fulltext.queryNodes($entityIndex, $lucene) YIELD node` + searchEntityHits + `
  WITH e, reduce(b = 0.0, k IN e.searchKeys |
         CASE WHEN all(w IN $words WHERE any(t IN split(k, ' ') WHERE t STARTS WITH w))
                   AND toFloat(size($words)) / size(split(k, ' ')) > b
              THEN toFloat(size($words)) / size(split(k, ' ')) ELSE b END) AS b
  RETURN e.id AS entityId, '' AS claimId,
         b / (1.0 + b) + CASE WHEN $exact IN e.searchKeys THEN 1.0 ELSE 0.0 END AS score,
         [e.name] + coalesce(e.aliases, []) AS texts
  UNION ALL
  WITH $claims AS searched
  WHERE searched
  CALL db.index.fulltext.queryNodes($claimIndex, $lucene) YIELD node` + searchClaimHits + `
  WITH c, toFloat(size($words)) / size(split(c.normalized, ' ')) AS b
  RETURN '' AS entityId, c.id AS claimId,
         b / (1.0 + b) + CASE WHEN c.normalized = $exact THEN 1.0 ELSE 0.0 END AS score,
         [c.text] AS texts
}
WITH entityId, claimId, score, texts
ORDER BY score DESC, entityId + claimId
SKIP $offset LIMIT $limit
RETURN entityId, claimId, score, texts`

// cypherCountSearch counts every hit of cypherSearch: the index is asked
// for all its candidates, not the best few.
const cypherCountSearch statement = `
CALL () {
  WITH $entities AS searched
  WHERE searched
  CALL db.index.fulltext.queryNodes($entityIndex, $lucene) YIELD node` + searchEntityHits + `
  RETURN count(e) AS n
  UNION ALL
  WITH $claims AS searched
  WHERE searched
  CALL db.index.fulltext.queryNodes($claimIndex, $lucene) YIELD node` + searchClaimHits + `
  RETURN count(c) AS n
}
RETURN sum(n) AS n`

// cypherSimilarClaimCandidates returns a claim and the claims sharing words
// with it, best full-text score first; graph.ClaimSimilarity then decides
// in Go, as in every backend. The claim's normalized words become a Lucene
// OR query: graph.CanonicalKey keeps only letters, digits and the
// word-internal - ' . & in them, and the two that are Lucene syntax are
// replaced by spaces, so no text is ever read as query syntax.
const cypherSimilarClaimCandidates statement = `
MATCH (c:Claim {ns: $ns, id: $id})
WITH c, [w IN split(replace(replace(c.normalized, '-', ' '), '&', ' '), ' ') WHERE w <> ''][..$maxTerms] AS words
CALL (c, words) {
  WITH c, words WHERE size(words) > 0
  CALL db.index.fulltext.queryNodes($index, reduce(q = '', w IN words | q + ' ' + w), {limit: $candidates}) YIELD node
  WITH c, node WHERE node.ns = $ns AND node.id <> c.id
  RETURN collect(node ` + claimFields + `) AS candidates
}
RETURN c ` + claimFields + ` AS claim, candidates`
