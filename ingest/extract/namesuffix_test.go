package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/ingest/ner"
)

// TestSuffixSpans checks that a legal or a club's suffix joins the name
// before it, taking in a span of its own, and that MISC names and names a
// longer span follows keep their words.
func TestSuffixSpans(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans []ner.Span
		want  []ner.Span
	}{
		{"suffix left out", "Shares in Harlowe plc fell", []ner.Span{{Start: 2, End: 3, Label: "LOC"}}, []ner.Span{{Start: 2, End: 4, Label: "ORG"}}},
		{"suffix a span of its own", "Brackley Rovers FC won", []ner.Span{{Start: 0, End: 2, Label: "ORG"}, {Start: 2, End: 3, Label: "ORG"}}, []ner.Span{{Start: 0, End: 3, Label: "ORG"}}},
		{"suffix with a dot", "Vexa Inc. said", []ner.Span{{Start: 0, End: 1, Label: "PER"}}, []ner.Span{{Start: 0, End: 2, Label: "ORG"}}},
		{"a MISC name", "the Harlowe Cup FC final", []ner.Span{{Start: 1, End: 3, Label: "MISC"}}, []ner.Span{{Start: 1, End: 3, Label: "MISC"}}},
		{"a longer name after", "Harlowe Ltd Group said", []ner.Span{{Start: 0, End: 1, Label: "ORG"}, {Start: 1, End: 3, Label: "ORG"}}, []ner.Span{{Start: 0, End: 1, Label: "ORG"}, {Start: 1, End: 3, Label: "ORG"}}},
		{"no suffix", "Harlowe said", []ner.Span{{Start: 0, End: 1, Label: "ORG"}}, []ner.Span{{Start: 0, End: 1, Label: "ORG"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := suffixSpans(strings.Fields(tt.text), tt.spans)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("spans (-want +got):\n%s", d)
			}
		})
	}
}
