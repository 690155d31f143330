package graph

import (
	"context"
	"time"
)

// Store is the contract every storage backend implements: the embedded
// SQLite store and the Neo4j store. The contract test suite in
// graph/storetest pins its behaviour, including what backends could
// otherwise disagree on (ordering, ties, case folding, time zones):
//
//   - Times are returned in UTC, truncated to the microsecond.
//   - Lists are ordered as each method says, with ties broken by id
//     ascending, so paging is stable.
//   - Name matching is case-insensitive and Unicode-aware.
//   - Missing objects are errors with code NotFound; bad filters Invalid;
//     unreachable backends Unavailable. Backend error text never reaches
//     Msg (see Error).
type Store interface {
	ExtractionWriter
	Reader
	Explorer
	Curator
	// DeleteArticle removes an article and all evidence extracted from it.
	// Entities, relationships and claims left without evidence disappear;
	// the others have their aggregates recomputed.
	DeleteArticle(ctx context.Context, id string) error
	// Close releases the backend's resources.
	Close() error
}

// ExtractionWriter is what ingest needs of a store.
type ExtractionWriter interface {
	// WriteExtraction atomically replaces everything previously extracted
	// from x.Article with x, and recomputes the aggregates of every entity,
	// relationship and claim the old or new extraction touched. Writing the
	// same extraction twice leaves the store unchanged, except that the
	// article keeps the IngestedAt of its first write. x must pass
	// Validate; a store returns Invalid if it does not.
	WriteExtraction(ctx context.Context, x *Extraction) error
}

// BatchWriter is implemented by stores that write many extractions in one
// transaction, recomputing each aggregate the batch touches once instead
// of once per extraction: what bulk loads (graphcopy, ingest's group
// commits) use when the store has it.
type BatchWriter interface {
	// WriteExtractions leaves the store as WriteExtraction of each of xs in
	// order would, atomically: if one of them fails (Invalid when it does
	// not pass Validate), nothing is written.
	WriteExtractions(ctx context.Context, xs []*Extraction) error
}

// Reader is what the API needs of a store.
type Reader interface {
	// Article returns the article with the given id, text included.
	Article(ctx context.Context, id string) (*Article, error)
	// Articles lists articles in f.Order (newest publication date first,
	// articles without one last, by default), text included.
	Articles(ctx context.Context, f ArticleFilter) ([]*Article, error)

	// Entity returns the entity with the given id.
	Entity(ctx context.Context, id string) (*Entity, error)
	// EntitiesByID returns the entities with the given ids in the same
	// order, nil where an id is unknown: the batch call behind the API's
	// dataloaders.
	EntitiesByID(ctx context.Context, ids []string) ([]*Entity, error)
	// SearchEntities lists entities matching f. With a query, entities
	// whose name or an alias matches every query word (as a prefix) come
	// first, exact name or alias matches before the rest, then by mention
	// count, descending. Without a query, by mention count descending.
	// A non-empty f.Order replaces that order.
	SearchEntities(ctx context.Context, f EntityFilter) ([]*Entity, error)
	// Mentions lists mentions, ordered by article id, then start offset.
	Mentions(ctx context.Context, f MentionFilter) ([]*Mention, error)

	// Relationships lists relationships matching f, in f.Order (evidence
	// count descending by default).
	Relationships(ctx context.Context, f RelationshipFilter) ([]*Relationship, error)
	// RelationshipEvidence returns the citations of each relationship,
	// ordered by article date, article id, then start offset; at most
	// perRelationship each when it is positive.
	RelationshipEvidence(ctx context.Context, ids []string, perRelationship int) (map[string][]Citation, error)

	// Claim returns the claim with the given id.
	Claim(ctx context.Context, id string) (*Claim, error)
	// Claims lists claims matching f, in f.Order (first-seen date by
	// default), then id.
	Claims(ctx context.Context, f ClaimFilter) ([]*Claim, error)
	// ClaimEvidence returns the evidence of each claim, ordered by article
	// date, article id, then start offset.
	ClaimEvidence(ctx context.Context, ids []string) (map[string][]ClaimEvidence, error)

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)
}

// Page selects a window of a list. A zero Limit means DefaultLimit; a Limit
// above MaxLimit is an Invalid error.
type Page struct {
	Limit  int
	Offset int
}

// Paging bounds.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Normalize applies the defaults and checks bounds.
func (p Page) Normalize() (Page, error) {
	if p.Limit < 0 || p.Offset < 0 {
		return p, Errorf("graph.Page", Invalid, "limit and offset must not be negative")
	}
	if p.Limit > MaxLimit {
		return p, Errorf("graph.Page", Invalid, "limit %d above the maximum of %d", p.Limit, MaxLimit)
	}
	if p.Limit == 0 {
		p.Limit = DefaultLimit
	}
	return p, nil
}

// ArticleFilter selects articles.
type ArticleFilter struct {
	Outlet string    // exact outlet name, case-insensitive; empty for all
	Since  time.Time // published at or after, when not zero
	Until  time.Time // published before, when not zero
	Order  ArticleOrder
	Page
}

// ArticleOrder orders article lists. Ties are broken by id ascending.
type ArticleOrder string

// Article orders. Articles without a publication date come last in both
// publication orders.
const (
	ArticlesByPublishedDesc ArticleOrder = ""              // newest publication date first
	ArticlesByPublishedAsc  ArticleOrder = "PUBLISHED_ASC" // oldest publication date first
	ArticlesByIngestedDesc  ArticleOrder = "INGESTED_DESC" // most recently ingested first
)

// EntityFilter selects entities.
type EntityFilter struct {
	Query  string       // words to match in names and aliases; empty for all
	Kinds  []EntityKind // empty for all
	Outlet string       // mentioned by an article of this outlet (case-insensitive)
	Since  time.Time    // mentioned by an article dated at or after, when not zero
	Until  time.Time    // mentioned by an article dated before, when not zero
	Order  EntityOrder  // empty: the order SearchEntities documents
	Page
}

// EntityOrder orders entity lists. Ties are broken by id ascending.
type EntityOrder string

// Entity orders.
const (
	EntitiesByRelevance EntityOrder = ""          // see SearchEntities
	EntitiesByMentions  EntityOrder = "MENTIONS"  // mention count, descending
	EntitiesByName      EntityOrder = "NAME"      // canonical key, ascending
	EntitiesByLastSeen  EntityOrder = "LAST_SEEN" // last seen, descending
)

// MentionFilter selects mentions; at least one of its ids must be set.
type MentionFilter struct {
	EntityID  string
	ArticleID string
	Page
}

// Direction says which end of a relationship an entity must be.
type Direction string

// Directions. Undirected relationships match every direction.
const (
	Any      Direction = ""
	Outgoing Direction = "OUT"
	Incoming Direction = "IN"
)

// RelationshipFilter selects relationships.
type RelationshipFilter struct {
	EntityID      string // an endpoint; empty for all
	Direction     Direction
	Types         []RelationType // empty for all
	MinConfidence float64
	Since         time.Time // has evidence from an article dated at or after, when not zero
	Until         time.Time // has evidence from an article dated before, when not zero
	Outlet        string    // has evidence from an article of this outlet (case-insensitive)
	Order         RelationshipOrder
	Page
}

// RelationshipOrder orders relationship lists. Ties are broken by id.
type RelationshipOrder string

// Relationship orders.
const (
	RelationshipsByEvidence   RelationshipOrder = ""           // evidence count, descending
	RelationshipsByConfidence RelationshipOrder = "CONFIDENCE" // confidence, descending
	RelationshipsByLastSeen   RelationshipOrder = "LAST_SEEN"  // last seen, descending
	RelationshipsByFirstSeen  RelationshipOrder = "FIRST_SEEN" // first seen, ascending
)

// ClaimFilter selects claims.
type ClaimFilter struct {
	SpeakerID     string // claims this entity made
	AboutID       string // claims about this entity
	ArticleID     string // claims carried by this article
	Query         string // words the claim text must contain
	Outlet        string // carried by an article of this outlet (case-insensitive)
	Since         time.Time
	Until         time.Time
	MinConfidence float64
	HideTentative bool // leave out tentative claims (see TentativeClaimConfidence)
	Order         ClaimOrder
	Page
}

// ConfidenceFloor is the least confidence a claim must have to match f:
// MinConfidence, raised to TentativeClaimConfidence when f hides tentative
// claims.
func (f ClaimFilter) ConfidenceFloor() float64 {
	if f.HideTentative {
		return max(f.MinConfidence, TentativeClaimConfidence)
	}
	return f.MinConfidence
}

// ClaimOrder orders claim lists. Ties are broken by id.
type ClaimOrder string

// Claim orders.
const (
	ClaimsByFirstSeen ClaimOrder = ""         // first seen, ascending
	ClaimsByEvidence  ClaimOrder = "EVIDENCE" // evidence count, descending
	ClaimsByLastSeen  ClaimOrder = "LAST_SEEN"
)

// Stats counts what a store holds.
type Stats struct {
	Articles      int
	Entities      int
	Mentions      int
	Relationships int
	Claims        int
	Citations     int // relationship and claim evidence
}
