// Package storetest is the contract test suite of graph.Store. Every backend
// runs it unchanged, against a real store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) graph.Store { ... a fresh, empty store ... })
//	}
//
// It pins what the interface documentation leaves to the backend to get
// right (ordering and ties, case folding, time zones and precision, float
// aggregation), so that the embedded store and Neo4j answer alike. The rules
// it checks, beyond graph.Store's documentation:
//
//   - An article keeps its first IngestedAt; a zero IngestedAt on first
//     write is set from the store's clock. WriteExtraction(nil) is Invalid.
//   - An entity's Name and Kind come from the declaring article with the
//     latest Date (ties: greatest article id), whatever the write order.
//     Aliases are the declared names and aliases of every article plus the
//     surface forms of its mentions, trimmed, without the Name, sorted;
//     Roles the declared roles plus mention roles, sorted; each external id
//     comes from the latest article declaring its key.
//   - An entity with no mention, relationship or claim is not stored; one
//     known only from a relationship has MentionCount 0 and zero dates.
//   - Undirected relationships store SourceID < TargetID. Relationship and
//     claim Confidence are noisy-ors (compared within 1e-9).
//   - A claim's Text and Cue come from its earliest citation (article date,
//     article id, start); SpeakerIDs and AboutIDs are sorted unions;
//     Verbatim is true when any citation is.
//   - Evidence maps have no entry for unknown ids.
//   - Search input is text: FTS or Lucene syntax in it is never
//     interpreted, and queries with no letter or digit match nothing.
//
// The exploration and curation suites (graph.Explorer, graph.Curator) pin:
//
// Lists and counts.
//   - Fact dates are evidence dates: an article's Date (its publication
//     date, else its ingest date). Since is inclusive, Until exclusive;
//     Until before Since is Invalid. ArticleFilter keeps its own rule
//     (publication date; undated articles match no date bound).
//   - EntityFilter.Outlet/Since/Until keep entities with a mention in a
//     matching article; RelationshipFilter's and ClaimFilter's keep facts
//     with a citation in a matching article. Filters select; they never
//     re-aggregate: counts, dates and confidences stay the fact's own.
//     Outlets match case-insensitively, exactly otherwise.
//   - Orders: entities by relevance (see SearchEntities), MENTIONS (count
//     descending), NAME (graph.CanonicalKey of the name, ascending),
//     LAST_SEEN (descending, entities never mentioned last);
//     relationships by evidence count (descending), CONFIDENCE and
//     LAST_SEEN (descending), FIRST_SEEN (ascending); claims by first seen
//     (ascending), EVIDENCE and LAST_SEEN (descending); articles by
//     publication date descending, PUBLISHED_ASC (undated last in both)
//     and INGESTED_DESC. Ties always by id ascending. An unknown order is
//     Invalid.
//   - Count* equals the length of the unpaged list for the same filter
//     (CountSearch, CountCoOccurrences and CountMentions too; the second is
//     NotFound for an unknown entity as CoOccurrences is, CountMentions
//     Invalid without an id as Mentions is).
//   - RelationshipsOf and ClaimsOf answer, for each id, exactly what
//     Relationships (EntityID set) and Claims (SpeakerID or AboutID set)
//     answer with the same filter and page; ids with nothing have no
//     entry. ArticlesByID is like EntitiesByID.
//
// Search.
//   - A hit matches every query word as a prefix of a word of an entity's
//     name or alias, or of a claim's text. An entity is one hit, Matched
//     being its best-scoring name or alias. Scores are positive; a hit
//     whose name, alias or claim text has the query's canonical key scores
//     at least 1, every other hit below 1 (e.g. s/(1+s) of a bm25 or
//     Lucene score s). Hits by score descending, ties by id ascending
//     (entity or claim id, compared as strings). Kinds restrict entity
//     hits only. Text with no word gives no hit, not an error.
//   - SimilarClaims scores with graph.ClaimSimilarity, keeps scores above
//     0 and at or above the minimum, never the claim itself, most similar
//     first, ties by id; limit 0 means graph.DefaultLimit. Candidates are
//     claims sharing a word with the claim (a backend may cap them, not
//     below 500).
//
// Network.
//   - Depth 1 to 3 (0 means 1), Limit 1 to 2,000 (0 means 100), PerNode 1
//     to 1,000 (0 means 50); more seeds than Limit is Invalid, an unknown
//     seed NotFound. Filters (types, confidence, evidence dates) apply to
//     every tie followed and every edge.
//   - Breadth first: each node of the frontier follows its PerNode
//     strongest matching ties (evidence count descending, then id); the
//     entities they reach that are not yet in the network are ranked by
//     the evidence count of the strongest tie reaching them, then id, and
//     added until Limit. Nodes: seeds in the order given, then by hop, then
//     by rank. Depth maps each node to its hop.
//   - Edges: the ties followed (the PerNode strongest matching ties of
//     every node less than Depth hops from a seed) that join two nodes; a
//     tie between two nodes of the last hop is not followed, hence no
//     edge. By evidence count descending, then id. Nodes and edges are
//     whole objects, as Entity and Relationship return them.
//   - Truncated is set when a frontier node had more matching ties than
//     PerNode or a hop had more new entities than room under Limit.
//
// Paths.
//   - MaxHops 1 to 6 (0 means 4), Limit 1 to 50 (0 means 5); From equal
//     to To is Invalid, an unknown end NotFound. Ties are followed in
//     either direction.
//   - Only paths of the shortest length are returned (none, and no error,
//     when there is none within MaxHops), ordered by their sequence of
//     edge ids, compared element by element; Limit keeps the first. Each
//     edge is whole and Edges[i] joins EntityIDs[i] and EntityIDs[i+1].
//     A backend may follow only an entity's strongest ties (at least
//     300), which can hide paths through weaker ties of bigger hubs, and
//     may bound the ties one search reads (at least 20,000), past which
//     it finds no path.
//
// Timeline and co-occurrence.
//   - Buckets are [Start, End) in UTC: days, weeks from Monday, months,
//     years. Only buckets with evidence, oldest first. Mentions counts the
//     entity's mentions, Relationships the citations of its relationships
//     per type (by type), ClaimsBy/ClaimsAbout the claim citations naming
//     it as speaker/subject, Articles the distinct articles of all these.
//   - CoOccurrences: another entity co-occurs once per sentence (or
//     article) mentioning both; Count counts those, Articles the distinct
//     articles, FirstSeen/LastSeen their dates. Kinds filter the other
//     entity; dates bound the shared articles. Count descending, then id.
//
// Merges.
//   - Merging from into into: from disappears (NotFound); its mentions,
//     relationships and claims count for into; ties between the two
//     disappear; its names become aliases of into, whose name and kind
//     stay its own (kinds may differ); its forms are recomputed from the
//     evidence, as any aggregate. Chains (a into b, then b into c) are
//     allowed. Into itself, into a merged entity, or of an entity already
//     merged is Invalid; unknown ids NotFound; unmerging an entity not
//     merged NotFound. Merges lists newest first, ties by from id.
//   - Unmerging restores exactly what the store shows without the merge,
//     whatever was written or retracted meanwhile: writes naming a merged
//     entity count for its survivor, and come back to it on unmerge.
package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/newsgraph/newsgraph/graph"
)

// Run runs the contract suite. open must return a new, empty store for each
// call; Run closes it.
func Run(t *testing.T, open func(t *testing.T) graph.Store) {
	s := suite{open: func(t *testing.T) graph.Store {
		t.Helper()
		st := open(t)
		t.Cleanup(func() {
			if err := st.Close(); err != nil {
				t.Errorf("Close: %v", err)
			}
		})
		return st
	}}
	t.Run("Write", s.testWrite)
	t.Run("Aggregates", s.testAggregates)
	t.Run("EntityLifecycle", s.testEntityLifecycle)
	t.Run("Delete", s.testDelete)
	t.Run("Articles", s.testArticles)
	t.Run("Entities", s.testEntities)
	t.Run("Search", s.testSearch)
	t.Run("Relationships", s.testRelationships)
	t.Run("Claims", s.testClaims)
	t.Run("Tentative", s.testTentative)
	t.Run("Errors", s.testErrors)

	t.Run("Lists", s.testLists)
	t.Run("Batch", s.testBatch)
	t.Run("BatchWrite", s.testBatchWrite)
	t.Run("FullTextSearch", s.testFullTextSearch)
	t.Run("SimilarClaims", s.testSimilarClaims)
	t.Run("Network", s.testNetwork)
	t.Run("Paths", s.testPaths)
	t.Run("Timeline", s.testTimeline)
	t.Run("CoOccurrences", s.testCoOccurrences)
	t.Run("Merge", s.testMerge)
	t.Run("ExploreErrors", s.testExploreErrors)
}

// fullStore is what the exploration and curation suites use: graph.Store
// embeds graph.Explorer and graph.Curator, so every store has them.
type fullStore = graph.Store

// full opens a store holding xs.
func (s suite) full(t *testing.T, xs ...*graph.Extraction) fullStore {
	t.Helper()
	return s.withWorld(t, xs...)
}

type suite struct {
	open func(t *testing.T) graph.Store
}

// withWorld opens a store holding the given extractions.
func (s suite) withWorld(t *testing.T, xs ...*graph.Extraction) graph.Store {
	t.Helper()
	st := s.open(t)
	write(t, st, xs...)
	return st
}

func write(t *testing.T, st graph.Store, xs ...*graph.Extraction) {
	t.Helper()
	for _, x := range xs {
		if err := st.WriteExtraction(context.Background(), x); err != nil {
			t.Fatalf("WriteExtraction(%s): %v", x.Article.URL, err)
		}
	}
}

// cmpOpts compare stored objects: nil and empty are alike, and floats from
// different backends may differ in the last bits.
var cmpOpts = []cmp.Option{
	cmpopts.EquateEmpty(),
	cmpopts.EquateApprox(0, 1e-9),
}

// snapshot is everything a store shows through the Reader interface.
type snapshot struct {
	Stats         graph.Stats
	Articles      []*graph.Article
	Entities      []*graph.Entity
	Mentions      map[string][]*graph.Mention // by article id
	Relationships []*graph.Relationship
	RelEvidence   map[string][]graph.Citation
	Claims        []*graph.Claim
	ClaimEvidence map[string][]graph.ClaimEvidence
}

func takeSnapshot(t *testing.T, st graph.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	all := graph.Page{Limit: graph.MaxLimit}
	var sn snapshot
	var err error
	if sn.Stats, err = st.Stats(ctx); err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if sn.Articles, err = st.Articles(ctx, graph.ArticleFilter{Page: all}); err != nil {
		t.Fatalf("Articles: %v", err)
	}
	if sn.Entities, err = st.SearchEntities(ctx, graph.EntityFilter{Page: all}); err != nil {
		t.Fatalf("SearchEntities: %v", err)
	}
	sn.Mentions = map[string][]*graph.Mention{}
	for _, a := range sn.Articles {
		if sn.Mentions[a.ID], err = st.Mentions(ctx, graph.MentionFilter{ArticleID: a.ID, Page: all}); err != nil {
			t.Fatalf("Mentions: %v", err)
		}
	}
	if sn.Relationships, err = st.Relationships(ctx, graph.RelationshipFilter{Page: all}); err != nil {
		t.Fatalf("Relationships: %v", err)
	}
	var ids []string
	for _, r := range sn.Relationships {
		ids = append(ids, r.ID)
	}
	if sn.RelEvidence, err = st.RelationshipEvidence(ctx, ids, 0); err != nil {
		t.Fatalf("RelationshipEvidence: %v", err)
	}
	if sn.Claims, err = st.Claims(ctx, graph.ClaimFilter{Page: all}); err != nil {
		t.Fatalf("Claims: %v", err)
	}
	ids = nil
	for _, c := range sn.Claims {
		ids = append(ids, c.ID)
	}
	if sn.ClaimEvidence, err = st.ClaimEvidence(ctx, ids); err != nil {
		t.Fatalf("ClaimEvidence: %v", err)
	}
	return sn
}

// checkUTC fails the test for any time the snapshot holds outside UTC or
// with sub-microsecond precision.
func checkUTC(t *testing.T, sn snapshot) {
	t.Helper()
	check := func(what string, tm time.Time) {
		t.Helper()
		if tm.IsZero() {
			return
		}
		if tm.Location() != time.UTC {
			t.Errorf("%s = %v, not in UTC", what, tm)
		}
		if tm.Nanosecond()%1000 != 0 {
			t.Errorf("%s = %v, not truncated to the microsecond", what, tm)
		}
	}
	for _, a := range sn.Articles {
		check("Article.PublishedAt", a.PublishedAt)
		check("Article.IngestedAt", a.IngestedAt)
	}
	for _, e := range sn.Entities {
		check("Entity.FirstSeen", e.FirstSeen)
		check("Entity.LastSeen", e.LastSeen)
	}
	for _, r := range sn.Relationships {
		check("Relationship.FirstSeen", r.FirstSeen)
		check("Relationship.LastSeen", r.LastSeen)
	}
	for _, c := range sn.Claims {
		check("Claim.FirstSeen", c.FirstSeen)
		check("Claim.LastSeen", c.LastSeen)
	}
}

// utc is what a store returns for t.
func utc(t time.Time) time.Time { return t.Truncate(time.Microsecond).UTC() }
