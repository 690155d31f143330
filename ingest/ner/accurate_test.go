package ner

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestAccurateRoundTrip: the accurate models decode with a beam, and the
// beam width survives Encode and Decode with the same labels.
func TestAccurateRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		load func() (*Model, error)
	}{
		{"ner", LoadAccurate},
		{"attribution", LoadAttributionAccurate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := tc.load()
			if err != nil {
				t.Fatal(err)
			}
			if m.Beam() < 2 {
				t.Fatalf("Beam() = %d, want a beam", m.Beam())
			}
			var buf bytes.Buffer
			if err := m.Encode(&buf); err != nil {
				t.Fatal(err)
			}
			d, err := Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if d.Beam() != m.Beam() {
				t.Errorf("decoded Beam() = %d, want %d", d.Beam(), m.Beam())
			}
			sent := []string{"Ana", "Ruiz", ",", "a", "planner", "at", "Northwind", "Corp", ",", "said", "the", "bridge", "in", "Oslo", "will", "close", "."}
			if diff := cmp.Diff(m.Tag(sent), d.Tag(sent)); diff != "" {
				t.Errorf("labels after a round trip (-before +after):\n%s", diff)
			}
		})
	}
}
