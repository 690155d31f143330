package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
)

// countingReader wraps the real store and counts its calls by method, so
// that tests can bound what a query costs. It can also be told to panic in
// one method, to exercise the recovery path through the whole stack.
type countingReader struct {
	api.Store
	mu      sync.Mutex
	calls   map[string]int
	panicIn string
}

func newCountingReader(r api.Store) *countingReader {
	return &countingReader{Store: r, calls: map[string]int{}}
}

func (c *countingReader) count(method string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[method]++
	if c.panicIn == method {
		panic("countingReader: told to panic in " + method)
	}
}

func (c *countingReader) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	calls := c.calls
	c.calls = map[string]int{}
	return calls
}

func (c *countingReader) Article(ctx context.Context, id string) (*graph.Article, error) {
	c.count("Article")
	return c.Store.Article(ctx, id)
}

func (c *countingReader) Articles(ctx context.Context, f graph.ArticleFilter) ([]*graph.Article, error) {
	c.count("Articles")
	return c.Store.Articles(ctx, f)
}

func (c *countingReader) Entity(ctx context.Context, id string) (*graph.Entity, error) {
	c.count("Entity")
	return c.Store.Entity(ctx, id)
}

func (c *countingReader) EntitiesByID(ctx context.Context, ids []string) ([]*graph.Entity, error) {
	c.count("EntitiesByID")
	return c.Store.EntitiesByID(ctx, ids)
}

func (c *countingReader) SearchEntities(ctx context.Context, f graph.EntityFilter) ([]*graph.Entity, error) {
	c.count("SearchEntities")
	return c.Store.SearchEntities(ctx, f)
}

func (c *countingReader) Mentions(ctx context.Context, f graph.MentionFilter) ([]*graph.Mention, error) {
	c.count("Mentions")
	return c.Store.Mentions(ctx, f)
}

func (c *countingReader) Relationships(ctx context.Context, f graph.RelationshipFilter) ([]*graph.Relationship, error) {
	c.count("Relationships")
	return c.Store.Relationships(ctx, f)
}

func (c *countingReader) RelationshipEvidence(ctx context.Context, ids []string, n int) (map[string][]graph.Citation, error) {
	c.count("RelationshipEvidence")
	return c.Store.RelationshipEvidence(ctx, ids, n)
}

func (c *countingReader) Claim(ctx context.Context, id string) (*graph.Claim, error) {
	c.count("Claim")
	return c.Store.Claim(ctx, id)
}

func (c *countingReader) Claims(ctx context.Context, f graph.ClaimFilter) ([]*graph.Claim, error) {
	c.count("Claims")
	return c.Store.Claims(ctx, f)
}

func (c *countingReader) ClaimEvidence(ctx context.Context, ids []string) (map[string][]graph.ClaimEvidence, error) {
	c.count("ClaimEvidence")
	return c.Store.ClaimEvidence(ctx, ids)
}

func (c *countingReader) Stats(ctx context.Context) (graph.Stats, error) {
	c.count("Stats")
	return c.Store.Stats(ctx)
}

// The Explorer methods, counted too. The wrapped store must have them.

func (c *countingReader) explorer() graph.Explorer { return c.Store.(graph.Explorer) }

func (c *countingReader) Relationship(ctx context.Context, id string) (*graph.Relationship, error) {
	c.count("Relationship")
	return c.Store.Relationship(ctx, id)
}

func (c *countingReader) ArticlesByID(ctx context.Context, ids []string) ([]*graph.Article, error) {
	c.count("ArticlesByID")
	return c.Store.ArticlesByID(ctx, ids)
}

func (c *countingReader) RelationshipsOf(ctx context.Context, ids []string, f graph.RelationshipFilter) (map[string][]*graph.Relationship, error) {
	c.count("RelationshipsOf")
	return c.Store.RelationshipsOf(ctx, ids, f)
}

func (c *countingReader) ClaimsOf(ctx context.Context, ids []string, by bool, f graph.ClaimFilter) (map[string][]*graph.Claim, error) {
	c.count("ClaimsOf")
	return c.Store.ClaimsOf(ctx, ids, by, f)
}

func (c *countingReader) CountEntities(ctx context.Context, f graph.EntityFilter) (int, error) {
	c.count("CountEntities")
	return c.Store.CountEntities(ctx, f)
}

func (c *countingReader) CountRelationships(ctx context.Context, f graph.RelationshipFilter) (int, error) {
	c.count("CountRelationships")
	return c.Store.CountRelationships(ctx, f)
}

func (c *countingReader) CountClaims(ctx context.Context, f graph.ClaimFilter) (int, error) {
	c.count("CountClaims")
	return c.Store.CountClaims(ctx, f)
}

func (c *countingReader) CountArticles(ctx context.Context, f graph.ArticleFilter) (int, error) {
	c.count("CountArticles")
	return c.Store.CountArticles(ctx, f)
}

func (c *countingReader) CountMentions(ctx context.Context, f graph.MentionFilter) (int, error) {
	c.count("CountMentions")
	return c.Store.CountMentions(ctx, f)
}

func (c *countingReader) CountSearch(ctx context.Context, q graph.SearchQuery) (int, error) {
	c.count("CountSearch")
	return c.Store.CountSearch(ctx, q)
}

func (c *countingReader) CountCoOccurrences(ctx context.Context, q graph.CoOccurrenceQuery) (int, error) {
	c.count("CountCoOccurrences")
	return c.Store.CountCoOccurrences(ctx, q)
}

func (c *countingReader) Search(ctx context.Context, q graph.SearchQuery) ([]graph.SearchHit, error) {
	c.count("Search")
	return c.Store.Search(ctx, q)
}

func (c *countingReader) SimilarClaims(ctx context.Context, id string, min float64, limit int) ([]graph.ScoredClaim, error) {
	c.count("SimilarClaims")
	return c.Store.SimilarClaims(ctx, id, min, limit)
}

func (c *countingReader) Network(ctx context.Context, q graph.NetworkQuery) (*graph.Network, error) {
	c.count("Network")
	return c.Store.Network(ctx, q)
}

func (c *countingReader) Paths(ctx context.Context, q graph.PathQuery) ([]graph.Path, error) {
	c.count("Paths")
	return c.Store.Paths(ctx, q)
}

func (c *countingReader) Timeline(ctx context.Context, q graph.TimelineQuery) ([]graph.TimelineBucket, error) {
	c.count("Timeline")
	return c.Store.Timeline(ctx, q)
}

func (c *countingReader) CoOccurrences(ctx context.Context, q graph.CoOccurrenceQuery) ([]graph.CoOccurrence, error) {
	c.count("CoOccurrences")
	return c.Store.CoOccurrences(ctx, q)
}

// serve starts the real handler over real HTTP.
func serve(t testing.TB, store api.Store, opts ...api.Option) *httptest.Server {
	t.Helper()
	// A minute per request, not the default 15 s: on Neo4j the first run of
	// each statement includes Cypher's planning, which takes seconds on a
	// busy 2-core machine. Tests that mean a timeout pass their own.
	opts = append([]api.Option{api.WithLogger(zerolog.New(zerolog.NewTestWriter(t))), api.WithTimeout(time.Minute)}, opts...)
	ts := httptest.NewServer(api.NewServer(store, opts...).Handler())
	t.Cleanup(ts.Close)
	return ts
}

// gqlResponse is a GraphQL response with data left raw, for cmp.Diff
// against the expected JSON.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string {
	code, _ := e.Extensions["code"].(string)
	return code
}

// post sends a GraphQL query to /graphql and decodes the answer; the
// HTTP status is returned as well, since limits answer 422.
func post(t testing.TB, ts *httptest.Server, query string, vars map[string]any) (gqlResponse, int) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(ts.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the answer: %v", err)
	}
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("answer is not JSON: %v\n%s", err, raw)
	}
	return out, resp.StatusCode
}

// decode turns raw JSON into generic values, for comparison.
func decode(t testing.TB, raw []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, raw)
	}
	return v
}

// decodeInto unmarshals raw JSON into v, failing the test on error.
func decodeInto(t testing.TB, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, raw)
	}
}
