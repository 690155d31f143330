package graph

import (
	"context"
	"time"
)

// Explorer is what analysts and visualization frontends need beyond plain
// reads: batch look-ups for dataloaders, counts, neighbourhoods, paths,
// timelines, co-occurrence and search with scores. Every method is part of
// the store contract and pinned by graph/storetest.
type Explorer interface {
	// Relationship returns the relationship with the given id.
	Relationship(ctx context.Context, id string) (*Relationship, error)
	// ArticlesByID returns the articles with the given ids in the same
	// order, nil where an id is unknown.
	ArticlesByID(ctx context.Context, ids []string) ([]*Article, error)
	// RelationshipsOf returns, for each entity id, its relationships
	// matching f (f.EntityID is ignored; f.Page applies per entity). The
	// batch call behind the API's relationship dataloader.
	RelationshipsOf(ctx context.Context, entityIDs []string, f RelationshipFilter) (map[string][]*Relationship, error)
	// ClaimsOf returns, for each entity id, the claims it made (by true)
	// or the claims about it (by false) matching f, f.Page per entity.
	ClaimsOf(ctx context.Context, entityIDs []string, by bool, f ClaimFilter) (map[string][]*Claim, error)

	// CountEntities, CountRelationships, CountClaims and CountArticles
	// count what the list methods would return without paging.
	CountEntities(ctx context.Context, f EntityFilter) (int, error)
	CountRelationships(ctx context.Context, f RelationshipFilter) (int, error)
	CountClaims(ctx context.Context, f ClaimFilter) (int, error)
	CountArticles(ctx context.Context, f ArticleFilter) (int, error)
	// CountMentions counts what Mentions would list unpaged.
	CountMentions(ctx context.Context, f MentionFilter) (int, error)

	// Search runs a full-text search over entity names and aliases and
	// over claim text, best score first (ties by id). A hit whose name,
	// alias or claim text is the query itself (same CanonicalKey) scores
	// at least 1, every other hit in (0, 1). Text with no word finds
	// nothing.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// CountSearch counts the hits Search would return unpaged.
	CountSearch(ctx context.Context, q SearchQuery) (int, error)
	// SimilarClaims returns claims whose text is a near-duplicate of the
	// given claim's (0 < ClaimSimilarity, ≥ minSimilarity), most similar
	// first, ties by id, at most limit (0 means DefaultLimit).
	SimilarClaims(ctx context.Context, claimID string, minSimilarity float64, limit int) ([]ScoredClaim, error)

	// Network returns the neighbourhood of the seeds, ranked and capped
	// (see NetworkQuery and Network). Unknown seeds are NotFound.
	Network(ctx context.Context, q NetworkQuery) (*Network, error)
	// Paths returns the shortest paths between two entities, none when
	// they are not connected within MaxHops. Unknown ends are NotFound.
	Paths(ctx context.Context, q PathQuery) ([]Path, error)
	// Timeline buckets an entity's evidence by article date (see
	// TimelineBucket). An unknown entity is NotFound.
	Timeline(ctx context.Context, q TimelineQuery) ([]TimelineBucket, error)
	// CoOccurrences lists the entities that appear with an entity in the
	// same sentence or article, most frequent first (ties by id).
	CoOccurrences(ctx context.Context, q CoOccurrenceQuery) ([]CoOccurrence, error)
	// CountCoOccurrences counts what CoOccurrences would return unpaged;
	// an unknown entity is NotFound, as there.
	CountCoOccurrences(ctx context.Context, q CoOccurrenceQuery) (int, error)
}

// Curator holds the operations that correct the graph by hand.
type Curator interface {
	// MergeEntities records that entity from is the same as entity into:
	// every mention, relationship and claim of from counts for into
	// (relationships between the two disappear), from's names become
	// aliases of into, and later writes that name from resolve to into.
	// Merging an entity into itself, or into an entity that is itself
	// merged, is Invalid; unknown ids are NotFound.
	MergeEntities(ctx context.Context, into, from string) (*Merge, error)
	// UnmergeEntities undoes the merge of from: the graph is then what it
	// would be had the merge never happened.
	UnmergeEntities(ctx context.Context, from string) error
	// Merges lists the merges in force, newest first.
	Merges(ctx context.Context, p Page) ([]*Merge, error)
}

// Merge records that one entity was merged into another.
type Merge struct {
	Into     string
	From     string
	FromName string
	FromKind EntityKind
	MergedAt time.Time
}

// SearchQuery is a full-text search.
type SearchQuery struct {
	Text  string       // the words to find (prefix match on each word)
	Kinds []EntityKind // restrict entity hits to these kinds; empty for all
	// Claims and Entities choose what to search; both false means both.
	Claims   bool
	Entities bool
	Page
}

// SearchHit is one result of a search: an entity or a claim, with a score.
// Scores are comparable within one result list only; higher is better.
type SearchHit struct {
	EntityID string // set for entity hits
	ClaimID  string // set for claim hits
	Score    float64
	Matched  string // the name, alias or claim text that matched
}

// ScoredClaim is a claim with a similarity score in [0, 1].
type ScoredClaim struct {
	Claim *Claim
	Score float64
}

// NetworkQuery asks for the neighbourhood of some seed entities.
type NetworkQuery struct {
	Seeds         []string
	Depth         int            // hops from the seeds, 1 to 3; 0 means 1
	Types         []RelationType // empty for all
	Since         time.Time      // only ties with evidence dated at or after
	Until         time.Time      // only ties with evidence dated before
	MinConfidence float64
	// Limit caps the number of nodes (default 100, at most 2,000).
	// Neighbours are ranked by the weight (evidence count) of the tie
	// that reaches them, then by id, so a hub contributes its strongest
	// ties first and never the whole of its neighbourhood.
	Limit int
	// PerNode caps how many ties of one node are followed (default 50).
	PerNode int
}

// Network is a drawable neighbourhood: every edge joins two nodes of the
// network.
type Network struct {
	Nodes []*Entity // seeds first, then by hop, then by rank
	// Edges are the ties followed (the PerNode strongest matching ties of
	// each node less than Depth hops from a seed) that join two nodes:
	// what the exploration saw, so that hubs cost their PerNode ties, never
	// their neighbourhood. Ties between two nodes of the last hop are not
	// followed.
	Edges []*Relationship // by evidence count descending, then id
	Depth map[string]int  // node id → hops from the nearest seed
	// Truncated says a cap cut the neighbourhood short: a node had more
	// ties than PerNode, or a hop more new entities than Limit left room.
	Truncated bool
}

// PathQuery asks for shortest paths between two entities.
type PathQuery struct {
	From, To      string
	MaxHops       int // 1 to 6; 0 means 4
	Types         []RelationType
	MinConfidence float64
	Limit         int // paths to return, default 5, at most 50
}

// Path is a chain of relationships from PathQuery.From to PathQuery.To;
// relationships are followed in either direction. Paths come shortest
// only, ordered by their sequence of edge ids.
type Path struct {
	EntityIDs []string        // From, the entities between, To
	Edges     []*Relationship // Edges[i] joins EntityIDs[i] and EntityIDs[i+1]
}

// Bucket is the width of a timeline bucket.
type Bucket string

// Bucket widths. Buckets start at UTC midnight, on Mondays for weeks, on
// the 1st for months and on 1 January for years.
const (
	Day   Bucket = "DAY"
	Week  Bucket = "WEEK"
	Month Bucket = "MONTH"
	Year  Bucket = "YEAR"
)

// TimelineQuery asks for an entity's evidence over time.
type TimelineQuery struct {
	EntityID string
	Bucket   Bucket // empty means Month
	Since    time.Time
	Until    time.Time
}

// TimelineBucket counts an entity's evidence from articles dated within
// [Start, End). Only buckets with some evidence are returned, oldest first.
type TimelineBucket struct {
	Start         time.Time
	End           time.Time
	Mentions      int
	Relationships []TypeCount // evidence per relationship type, by type
	ClaimsBy      int         // claim evidence where the entity is a speaker
	ClaimsAbout   int         // claim evidence about the entity
	Articles      int         // distinct articles
}

// TypeCount is a count per relationship type.
type TypeCount struct {
	Type  RelationType
	Count int
}

// Scope is the window within which two entities co-occur.
type Scope string

// Co-occurrence scopes.
const (
	SentenceScope Scope = "SENTENCE"
	ArticleScope  Scope = "ARTICLE"
)

// CoOccurrenceQuery asks which entities appear together with one.
type CoOccurrenceQuery struct {
	EntityID string
	Scope    Scope // empty means SentenceScope
	Kinds    []EntityKind
	Since    time.Time
	Until    time.Time
	Page
}

// CoOccurrence is an entity that appears together with the queried one.
type CoOccurrence struct {
	EntityID  string
	Count     int // sentences (or articles) where both are mentioned
	Articles  int // distinct articles
	FirstSeen time.Time
	LastSeen  time.Time
}
