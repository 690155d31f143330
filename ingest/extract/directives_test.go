package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestDirectives checks that a question or an order put to someone makes
// no claim, while a statement with the same verbs' neighbours does.
func TestDirectives(t *testing.T) {
	tests := []struct {
		name, text string
		claim      bool // a claim is expected
	}{
		{"called on to act", "The union called on the government to raise wages.", false},
		{"urged to stay", "The mayor urged residents to stay indoors.", false},
		{"asked why", "Anne Berg asked why the council had waited so long.", false},
		{"asked its addressee whether", "Senator Lena Marsh asked the transport minister whether the ferry would stop in May.", false},
		{"asked to reconsider", "Anne Berg asked Tom Hale to reconsider his decision.", false},
		{"called for a change", "Campaigners have called for the tax to be scrapped.", false},
		{"said that", "The union said that wages must rise.", true},
		{"urged that", "Anne Berg urged that the vote be delayed.", true},
		{"told reporters", "The minister told reporters the plan would work.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			if got := len(claimViews(ex, names)) > 0; got != tt.claim {
				t.Errorf("claims %v: a claim found = %v, want %v", claimViews(ex, names), got, tt.claim)
			}
		})
	}
}

// TestWishes checks that a wish says nothing a fact-checker could check,
// whatever follows it (saysNothing), while a statement with the same
// content does. The tagger labels such cues only in longer articles, so
// the check runs on the cue and content spans directly.
func TestWishes(t *testing.T) {
	tests := []struct {
		text, cue string
		want      bool
	}{
		{"The coach hopes Hale's arrival will end the injury crisis .", "hopes", true},
		{"The regulator wants people to be able to find the content .", "wants", true},
		{"The minister hopes Kestrel will sign the agreement .", "hopes", true},
		{"The coach says Hale's arrival will end the injury crisis .", "says", false},
		{"The minister believes Kestrel will sign the agreement .", "believes", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := newDoc(nil, &graph.Article{Text: tt.text})
			k := slices.Index(d.words, tt.cue)
			if got := d.saysNothing(k, k+1, k+1, len(d.words)-1); got != tt.want {
				t.Errorf("saysNothing(%q) = %v, want %v", tt.cue, got, tt.want)
			}
		})
	}
}
