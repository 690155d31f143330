package extract

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestRejectedActs checks that an attribution whose cue is no speech act
// is kept as an act (for attribution scoring) and never as a claim.
func TestRejectedActs(t *testing.T) {
	tests := []struct {
		name, text, cue string
	}{
		{"refusal", "The Harbor Council refused to approve the new ferry contract on Monday, officials said.", "refused"},
		{"endorsement", "Senator Lena Marsh endorsed Governor Tom Ridley in the race for the nomination.", "endorsed"},
	}
	x := newExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), &graph.Article{ID: "art_t", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range ex.Claims {
				if c.Cue.Text == tt.cue {
					t.Errorf("claim with cue %q: %q", tt.cue, c.Text)
				}
			}
			found := false
			for _, a := range ex.Acts {
				if a.Cue.Text == tt.cue {
					found = true
				}
			}
			if !found {
				t.Errorf("no act with cue %q; acts %+v", tt.cue, ex.Acts)
			}
		})
	}
}
