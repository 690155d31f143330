package extract

import (
	"strings"
	"testing"
)

// TestPersonBeforeBody checks that a quote's speaker named before the body
// he speaks for is the person, and that a body speaking alone stays.
func TestPersonBeforeBody(t *testing.T) {
	tests := []struct {
		name, text, speaker string
	}{
		{"an apposition from a body", `Anna Berg, from the Kestrel Trust, said: "We will appeal the ruling."`, "Anna Berg"},
		{"a body after of", `Ruth Amble of Vexa Bank said: "Rates will rise."`, "Ruth Amble"},
		{"a body after from, quote before", `"We are a nation of gadget lovers," Tom Hale from Vexa Research said. "Nobody writes numbers down any more."`, "Tom Hale"},
		{"a body alone", `Vexa Bank said: "Rates will rise."`, "ORGANIZATION:Vexa Bank"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			views := claimViews(ex, names)
			if len(views) == 0 {
				t.Fatalf("no claims")
			}
			for _, v := range views {
				if !strings.Contains(v.Speakers, tt.speaker) {
					t.Errorf("claim %+v: speakers %q, want %q", v, v.Speakers, tt.speaker)
				}
			}
		})
	}
}
