package extract

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// extractText extracts a one-off text and returns it with a map from
// entity id to "KIND:Name".
func extractText(t *testing.T, text string) (*graph.Extraction, map[string]string) {
	t.Helper()
	return extractTextWith(t, newExtractor(t), text)
}

// extractTextWith is extractText with a given extractor.
func extractTextWith(t *testing.T, x *Extractor, text string) (*graph.Extraction, map[string]string) {
	t.Helper()
	ex, err := x.Extract(context.Background(), &graph.Article{ID: "art_t", Text: text})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if err := ex.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	names := map[string]string{}
	for _, e := range ex.Entities {
		names[e.ID] = fmt.Sprintf("%s:%s", e.Kind, e.Name)
	}
	return ex, names
}

// relationStrings renders relationships as "TYPE Source -> Target".
func relationStrings(ex *graph.Extraction, names map[string]string) []string {
	var out []string
	for _, r := range ex.Relationships {
		src, tgt := names[r.SourceID], names[r.TargetID]
		if !r.Type.Directed() && tgt < src {
			src, tgt = tgt, src
		}
		out = append(out, fmt.Sprintf("%s %s -> %s", r.Type, src, tgt))
	}
	sort.Strings(out)
	return out
}
