package extract

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/ner"
)

// TestAccurateExtractorClaims runs the accurate extractor (neural
// attribution tagger) on sentences of our own and checks the attributions
// it must find.
func TestAccurateExtractorClaims(t *testing.T) {
	x, err := NewWith(Accurate)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := x.attributor.(*ner.Neural); !ok {
		t.Fatalf("accurate attributor is %T, want *ner.Neural", x.attributor)
	}
	tests := []struct {
		name, text, source, cue string
	}{
		{"reported", "Harbour rates will rise next year, the port director Mara Quill said on Tuesday.", "the port director Mara Quill", "said"},
		{"quoted", "\u201cThe ferry timetable is final,\u201d transport minister Olek Brand told reporters.", "transport minister Olek Brand", "told"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), &graph.Article{ID: "a1", Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range ex.Claims {
				if c.Source.Text == tc.source && c.Cue.Text == tc.cue {
					return
				}
			}
			t.Errorf("no claim by %q (%q) in %+v", tc.source, tc.cue, ex.Claims)
		})
	}
}
