package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/api"
	"github.com/newsgraph/newsgraph/graph"
)

// TestErrorCodes checks that every kind of failure reaches the client with
// its code in extensions.code, through real HTTP on the real store.
func TestErrorCodes(t *testing.T) { eachStore(t, testErrorCodes) }

func testErrorCodes(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store, api.WithDepthLimit(8), api.WithComplexityLimit(5000))
	tests := []struct {
		name       string
		query      string
		vars       map[string]any
		wantCode   string
		wantStatus int
	}{
		{"entity not found", `{ entity(id: "ent_000000000000000000000000") { name } }`, nil, "NOT_FOUND", 200},
		{"claim not found", `{ claim(id: "clm_000000000000000000000000") { text } }`, nil, "NOT_FOUND", 200},
		{"article not found", `{ article(id: "art_000000000000000000000000") { title } }`, nil, "NOT_FOUND", 200},
		{"cursor not base64", `{ entities(after: "%%%") { totalCount } }`, nil, "INVALID", 200},
		{"cursor of another shape", `{ entities(after: "b2Zmc2V0Oi0x") { totalCount } }`, nil, "INVALID", 200}, // "offset:-1"
		{"negative first", `{ articles(first: -1) { totalCount } }`, nil, "INVALID", 200},
		{"first above the maximum", `{ claims(first: 5000) { totalCount } }`, nil, "INVALID", 200},
		{"nested first above the maximum", `query($id: ID!) { entity(id: $id) { mentions(first: 1001) { nodes { text } } } }`,
			map[string]any{"id": northernFront.ID}, "INVALID", 200},
		{"confidence out of range", `{ relationships(minConfidence: 1.5) { totalCount } }`, nil, "INVALID", 200},
		{"direction without entity", `{ relationships(direction: OUT) { totalCount } }`, nil, "INVALID", 200},
		{"bad DateTime", `{ articles(since: "yesterday") { totalCount } }`, nil, "INVALID", 200},
		{"unknown id prefix", `{ node(id: "xyz_1") { id } }`, nil, "INVALID", 200},
		{"unknown field", `{ stats { nothing } }`, nil, "GRAPHQL_VALIDATION_FAILED", 422},
		{"syntax error", `{ stats { `, nil, "GRAPHQL_PARSE_FAILED", 422},
		{"too deep", `query($id: ID!) { entity(id: $id) { relationships { nodes { other { relationships { nodes { other { relationships { nodes { id } } } } } } } } } }`,
			map[string]any{"id": northernFront.ID}, "DEPTH_LIMIT_EXCEEDED", 200},
		{"too complex", `{ entities(first: 100) { nodes { relationships(first: 100) { nodes { id } } } } }`, nil, "COMPLEXITY_LIMIT_EXCEEDED", 200},
		{"network too complex", `query($id: ID!) { network(seeds: [$id], limit: 2000) { nodes { entity { relationships { nodes { id } } } } } }`,
			map[string]any{"id": northernFront.ID}, "COMPLEXITY_LIMIT_EXCEEDED", 200},
		{"relationship not found", `{ relationship(id: "rel_000000000000000000000000") { id } }`, nil, "NOT_FOUND", 200},
		{"since after until", `{ relationships(since: "2024-03-02T00:00:00Z", until: "2024-03-01T00:00:00Z") { totalCount } }`, nil, "INVALID", 200},
		{"claims confidence out of range", `{ claims(minConfidence: -0.1) { totalCount } }`, nil, "INVALID", 200},
		{"empty search", `{ search(text: "") { nodes { score } } }`, nil, "INVALID", 200},
		{"network without seeds", `{ network(seeds: []) { truncated } }`, nil, "INVALID", 200},
		{"network too deep", `query($id: ID!) { network(seeds: [$id], depth: 4) { truncated } }`, map[string]any{"id": northernFront.ID}, "INVALID", 200},
		{"network limit too high", `query($id: ID!) { network(seeds: [$id], limit: 5000) { truncated } }`, map[string]any{"id": northernFront.ID}, "INVALID", 200},
		{"network of an unknown seed", `{ network(seeds: ["ent_000000000000000000000000"]) { truncated } }`, nil, "NOT_FOUND", 200},
		{"paths too long", `query($id: ID!) { paths(from: $id, to: $id, maxHops: 7) { length } }`, map[string]any{"id": northernFront.ID}, "INVALID", 200},
		{"paths from an unknown entity", `query($id: ID!) { paths(from: "ent_000000000000000000000000", to: $id) { length } }`, map[string]any{"id": northernFront.ID}, "NOT_FOUND", 200},
		{"timeline of an unknown entity", `{ timeline(entityId: "ent_000000000000000000000000") { articles } }`, nil, "NOT_FOUND", 200},
		{"co-occurrences, first too large", `query($id: ID!) { coOccurrences(entityId: $id, first: 5000) { nodes { count } } }`, map[string]any{"id": northernFront.ID}, "INVALID", 200},
		{"near-duplicates, similarity out of range", `{ claims { nodes { nearDuplicates(minSimilarity: 2) { size } } } }`, nil, "INVALID", 200},
		{"mutation without a key", `mutation { retractArticle(id: "art_x") }`, nil, "UNAUTHORIZED", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, status := post(t, ts, tt.query, tt.vars)
			if status != tt.wantStatus {
				t.Errorf("status = %d, want %d", status, tt.wantStatus)
			}
			if len(resp.Errors) != 1 {
				t.Fatalf("got %d errors, want 1: %+v", len(resp.Errors), resp.Errors)
			}
			if got := resp.Errors[0].code(); got != tt.wantCode {
				t.Errorf("extensions.code = %q, want %q (message %q)", got, tt.wantCode, resp.Errors[0].Message)
			}
		})
	}
}

// TestLimitsAdmitOrdinaryQueries guards against limits so tight that the
// queries clients are meant to send fail: a page of entities with their
// ties, other ends and cited sentences, and GraphiQL's introspection.
func TestLimitsAdmitOrdinaryQueries(t *testing.T) { eachStore(t, testLimitsAdmitOrdinaryQueries) }

func testLimitsAdmitOrdinaryQueries(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store)
	for name, query := range map[string]string{
		"network page": `{ entities(first: 50) { edges { cursor node { name relationships(first: 50) { edges { node {
			type other { name } citations(first: 3) { sentence start end article { title url } } } } } } } } }`,
		"drawing a neighbourhood": `{ entities(first: 1) { nodes { id } } n: network(seeds: ["` + northernFront.ID + `"], depth: 2, limit: 500) {
			truncated nodes { id name kind depth mentionCount } edges { id source target type weight confidence firstSeen lastSeen } } }`,
		"paths with citations": `{ paths(from: "` + shadowWing.ID + `", to: "` + valleyGuard.ID + `", maxHops: 4) { nodes { name } edges { type citations(first: 3) { sentence article { title } } } } }`,
		"claim provenance": `{ claims(first: 20) { nodes { text citations(first: 50) { sentence start end article { title outlet publishedAt } }
			firstAppearance { sentence } speakers { name } outlets { outlet firstSeen } nearDuplicates { size claims { similarity claim { text } } } } } }`,
		"introspection": `{ __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } } }`,
	} {
		t.Run(name, func(t *testing.T) {
			resp, status := post(t, ts, query, nil)
			if status != 200 || len(resp.Errors) > 0 {
				t.Errorf("status %d, errors %+v", status, resp.Errors)
			}
		})
	}
}

// TestInternalErrorsLeakNothing closes the store under the server: the
// client gets a code and a generic message, never the driver's text.
func TestInternalErrorsLeakNothing(t *testing.T) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store)
	store.Close()
	resp, _ := post(t, ts, `{ entities { nodes { name } } }`, nil)
	if len(resp.Errors) != 1 {
		t.Fatalf("got errors %+v, want one", resp.Errors)
	}
	e := resp.Errors[0]
	if code := graph.Code(e.code()); code == "" || code == graph.NotFound || code == graph.Invalid {
		t.Errorf("extensions.code = %q, want a server-side code", code)
	}
	for _, leak := range []string{"sql", "database", "closed"} {
		if strings.Contains(strings.ToLower(e.Message), leak) {
			t.Errorf("message %q leaks %q", e.Message, leak)
		}
	}
}

// TestPanicIsInternal makes the store panic inside a resolver and inside a
// dataloader batch: the server survives, logs, and answers INTERNAL.
func TestPanicIsInternal(t *testing.T) {
	for _, method := range []string{"SearchEntities", "EntitiesByID"} {
		t.Run(method, func(t *testing.T) {
			store := openStore(t)
			world(t, store)
			counting := newCountingReader(store)
			ts := serve(t, counting)
			counting.panicIn = method
			resp, _ := post(t, ts, `{ entities(kinds: [PERSON]) { nodes { relationships { nodes { other { name } } } } } }`, nil)
			if len(resp.Errors) == 0 || resp.Errors[0].code() != "INTERNAL" {
				t.Fatalf("errors = %+v, want INTERNAL", resp.Errors)
			}
			if strings.Contains(resp.Errors[0].Message, "panic") {
				t.Errorf("message %q shows the panic", resp.Errors[0].Message)
			}
			counting.panicIn = ""
			if resp, _ := post(t, ts, `{ stats { articles } }`, nil); len(resp.Errors) > 0 {
				t.Errorf("server broken after the panic: %+v", resp.Errors)
			}
		})
	}
}

// TestRequestTimeout gives requests no time at all: they fail with TIMEOUT.
func TestRequestTimeout(t *testing.T) { eachStore(t, testRequestTimeout) }

func testRequestTimeout(t *testing.T, openStore func(testing.TB) graph.Store) {
	store := openStore(t)
	world(t, store)
	ts := serve(t, store, api.WithTimeout(time.Nanosecond))
	resp, _ := post(t, ts, `{ entities { nodes { name } } }`, nil)
	if len(resp.Errors) != 1 || resp.Errors[0].code() != "TIMEOUT" {
		t.Fatalf("errors = %+v, want one TIMEOUT", resp.Errors)
	}
}
