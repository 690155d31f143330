package storetest

import (
	"context"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// testTentative pins ClaimFilter.HideTentative: a claim whose (noisy-or)
// confidence is below graph.TentativeClaimConfidence is left out of lists
// and counts, whatever its citations' own confidences, and MinConfidence
// still raises the floor above it.
func (s suite) testTentative(t *testing.T) {
	const (
		firm    = "The harbour board said the ferry would run again in May."
		vague   = "He said the pier was unsafe."
		twice   = "Locals think the tolls will rise."
		confirm = "Traders think the tolls will rise."
	)
	day := time.Date(2025, 5, 2, 9, 0, 0, 0, time.UTC)
	a := article(t, "https://pier.example/1", "Pier News", "Ferry", day, firm+" "+vague+" "+twice)
	board := a.entity(graph.Organization, "Harbour Board")
	a.claim("the ferry would run again in May", "The harbour board", "said", false, []string{board}, nil, 0.7)
	a.claim("the pier was unsafe", "He", "said", false, nil, nil, 0.18)
	a.claim("the tolls will rise", "Locals", "think", false, nil, nil, 0.3)
	b := article(t, "https://pier.example/2", "Pier News", "Tolls", day.Add(time.Hour), confirm)
	b.claim("the tolls will rise", "Traders", "think", false, nil, nil, 0.3)
	st := s.full(t, a.build(), b.build())
	ctx := context.Background()

	id := func(text string) string { return graph.ClaimID(graph.NormalizeClaim(text)) }
	ferry, pier, tolls := id("the ferry would run again in May"), id("the pier was unsafe"), id("the tolls will rise")
	tests := []struct {
		name string
		f    graph.ClaimFilter
		want []string // ties of first seen (one article) go by id
	}{
		{"all by default", graph.ClaimFilter{}, sorted(ferry, pier, tolls)},
		// 1-(1-0.3)^2 = 0.51: two weak citations lift the claim over the floor.
		{"tentative hidden, corroboration kept", graph.ClaimFilter{HideTentative: true}, sorted(ferry, tolls)},
		{"min confidence above the floor", graph.ClaimFilter{HideTentative: true, MinConfidence: 0.6}, []string{ferry}},
		{"min confidence below the floor", graph.ClaimFilter{HideTentative: true, MinConfidence: 0.1}, sorted(ferry, tolls)},
		{"min confidence alone", graph.ClaimFilter{MinConfidence: 0.1}, sorted(ferry, pier, tolls)},
		{"by article", graph.ClaimFilter{HideTentative: true, ArticleID: a.x.Article.ID}, sorted(ferry, tolls)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := st.Claims(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := gocmp.Diff(tt.want, claimIDs(got)); diff != "" {
				t.Errorf("Claims (-want +got):\n%s", diff)
			}
			for _, c := range got {
				if c.Tentative() != (c.ID == pier) {
					t.Errorf("claim %s (confidence %v): Tentative() = %v", c.ID, c.Confidence, c.Tentative())
				}
			}
			n, err := st.CountClaims(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(tt.want) {
				t.Errorf("CountClaims = %d, want %d", n, len(tt.want))
			}
		})
	}

	t.Run("claims of an entity", func(t *testing.T) {
		got, err := st.ClaimsOf(ctx, []string{board}, true, graph.ClaimFilter{HideTentative: true, MinConfidence: 0.75})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("ClaimsOf above the board's claim's confidence = %v, want none", got)
		}
		got, err = st.ClaimsOf(ctx, []string{board}, true, graph.ClaimFilter{HideTentative: true})
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff([]string{ferry}, claimIDs(got[board])); diff != "" {
			t.Errorf("ClaimsOf (-want +got):\n%s", diff)
		}
	})
}
