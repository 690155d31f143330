package neo4j

// statement is a Cypher statement the store sends. Every statement is a
// package-level constant of this type, so that the Cypher lint test can
// collect them all from the package source and have Neo4j's own parser check
// them; a test also rejects Cypher written anywhere else.
type statement string

// Schema statements, run idempotently at Open. Every node and REL edge
// carries ns, the name of the graph it belongs to (see Config.Graph), so
// every constraint and index is on ns first. Uniqueness constraints back
// every MERGE on an id (and give the index it is looked up by); the other
// indexes serve the filters of the Reader methods, and the endpoint indexes
// of relationship evidence find what a merge or unmerge moves.
const (
	cypherArticleID    statement = `CREATE CONSTRAINT newsgraph_article_id IF NOT EXISTS FOR (a:Article) REQUIRE (a.ns, a.id) IS UNIQUE`
	cypherEntityID     statement = `CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE (e.ns, e.id) IS UNIQUE`
	cypherClaimID      statement = `CREATE CONSTRAINT newsgraph_claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE (c.ns, c.id) IS UNIQUE`
	cypherRelID        statement = `CREATE CONSTRAINT newsgraph_rel_id IF NOT EXISTS FOR ()-[r:REL]-() REQUIRE (r.ns, r.id) IS UNIQUE`
	cypherMentionArt   statement = `CREATE INDEX newsgraph_mention_article IF NOT EXISTS FOR (m:Mention) ON (m.ns, m.articleId)`
	cypherMentionEnt   statement = `CREATE INDEX newsgraph_mention_entity IF NOT EXISTS FOR (m:Mention) ON (m.ns, m.entityId)`
	cypherRelEvArt     statement = `CREATE INDEX newsgraph_relevidence_article IF NOT EXISTS FOR (v:RelEvidence) ON (v.ns, v.articleId)`
	cypherRelEvRel     statement = `CREATE INDEX newsgraph_relevidence_rel IF NOT EXISTS FOR (v:RelEvidence) ON (v.ns, v.relId)`
	cypherRelEvSource  statement = `CREATE INDEX newsgraph_relevidence_source IF NOT EXISTS FOR (v:RelEvidence) ON (v.ns, v.sourceId)`
	cypherRelEvTarget  statement = `CREATE INDEX newsgraph_relevidence_target IF NOT EXISTS FOR (v:RelEvidence) ON (v.ns, v.targetId)`
	cypherClaimEvArt   statement = `CREATE INDEX newsgraph_claimevidence_article IF NOT EXISTS FOR (w:ClaimEvidence) ON (w.ns, w.articleId)`
	cypherClaimEvClaim statement = `CREATE INDEX newsgraph_claimevidence_claim IF NOT EXISTS FOR (w:ClaimEvidence) ON (w.ns, w.claimId)`
	cypherArticleDate  statement = `CREATE INDEX newsgraph_article_published IF NOT EXISTS FOR (a:Article) ON (a.ns, a.publishedAt)`
	cypherArticleOut   statement = `CREATE INDEX newsgraph_article_outlet IF NOT EXISTS FOR (a:Article) ON (a.ns, a.outletKey)`
	cypherEntityCount  statement = `CREATE INDEX newsgraph_entity_mentions IF NOT EXISTS FOR (e:Entity) ON (e.ns, e.mentionCount)`
	cypherClaimSeen    statement = `CREATE INDEX newsgraph_claim_first_seen IF NOT EXISTS FOR (c:Claim) ON (c.ns, c.firstSeen)`
	cypherRelType      statement = `CREATE INDEX newsgraph_rel_type IF NOT EXISTS FOR ()-[r:REL]-() ON (r.ns, r.type)`
	cypherEntityText   statement = `CREATE FULLTEXT INDEX newsgraph_entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.searchText]`
	cypherClaimText    statement = `CREATE FULLTEXT INDEX newsgraph_claim_text IF NOT EXISTS FOR (c:Claim) ON EACH [c.text]`
)

// schema lists the schema statements in the order Open runs them.
var schema = []statement{
	cypherArticleID, cypherEntityID, cypherClaimID, cypherRelID,
	cypherMentionArt, cypherMentionEnt, cypherRelEvArt, cypherRelEvRel, cypherRelEvSource, cypherRelEvTarget,
	cypherClaimEvArt, cypherClaimEvClaim, cypherArticleDate, cypherArticleOut,
	cypherEntityCount, cypherClaimSeen, cypherRelType, cypherEntityText, cypherClaimText,
}

// entityFullText names the full-text index SearchEntities narrows its
// candidates with.
const entityFullText = "newsgraph_entity_names"
