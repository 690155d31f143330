package api_test

import (
	"testing"

	"github.com/rs/zerolog"

	"github.com/newsgraph/newsgraph/api"
)

// BenchmarkEntityPage measures, through the real handler over real HTTP on
// the real store, a visualisation-style page: 50 people, each with their
// relationships, the other ends, two cited sentences with their articles,
// and their claims with citations. It reports store calls per query, which
// must not grow with the page (see TestStoreCallsAreBounded).
func BenchmarkEntityPage(b *testing.B) {
	store := openStore(b)
	crowd(b, store, 200)
	counting := newCountingReader(store)
	ts := serve(b, counting, api.WithLogger(zerolog.Nop()))
	const query = `{ entities(kinds: [PERSON], first: 50) { nodes { name
		relationships { nodes { type other { name } citations(first: 2) { sentence article { title } } } }
		claimsBy { nodes { text citations { start article { outlet } } } } } } }`
	counting.reset()
	b.ResetTimer()
	for b.Loop() {
		if resp, _ := post(b, ts, query, nil); len(resp.Errors) > 0 {
			b.Fatalf("errors: %+v", resp.Errors)
		}
	}
	b.StopTimer()
	total := 0
	calls := counting.reset()
	for _, n := range calls {
		total += n
	}
	b.Logf("store calls in %d queries: %v", b.N, calls)
	b.ReportMetric(float64(total)/float64(b.N), "storecalls/op")
}
