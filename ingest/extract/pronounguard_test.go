package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsgraph/newsgraph/graph"
)

// TestSpeakerGuards: a pronoun speaker is never a person its content
// names, whichever rule found it; a "he" after a speaker named by role
// alone is left unresolved (tentative); a reader's "I" is tentative; a
// judging verb with a noun-phrase object is no listed statement, with a
// clause it is; "show" is listed for a record, not for a person; a
// content without its subject is tentative. Each case lists every claim
// as "speakers | cue | listed".
func TestSpeakerGuards(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"reported speech naming the nearest person",
			"Coach Piet Vos spoke after the match. Winger Tom Hale scored twice. Hale has earned his place in the side, he said.",
			[]string{"PERSON:Piet Vos | said | listed"}},
		{"tagger content naming the nearest person",
			"Coach Piet Vos spoke after the match. Winger Tom Hale scored twice. He said Hale had earned his place in the side.",
			[]string{"PERSON:Piet Vos | said | listed"}},
		{"pronoun after an unnamed spokeswoman",
			`Ana Ruiz left the board of Kestrel Bank on Monday. A Kestrel spokeswoman said the bank would name a successor soon. "The search has already begun," she added.`,
			[]string{" | said | listed", " | added | tentative"}},
		{"reader's I",
			"I'd say the council has lost its way on the bridge.",
			[]string{" | say | tentative"}},
		{"judging verb with an object",
			"Kestrel Bank praised the decision of the board to keep the branch open.",
			[]string{"ORGANIZATION:Kestrel Bank | praised | tentative"}},
		{"judging verb with a question",
			"Tom Hale, an economist at Kestrel Bank, questioned whether the bank could survive without the loan.",
			[]string{"PERSON:Tom Hale | questioned | listed"}},
		{"a record shows",
			"Figures released by the Harbor Office on Monday showed that sales rose by a fifth in May.",
			[]string{"ORGANIZATION:Harbor Office | showed | listed"}},
		{"a person shows",
			"Winger Tom Hale scored twice on Sunday. He showed that he is ready for the final.",
			[]string{"PERSON:Tom Hale | showed | tentative"}},
		{"content without its subject",
			"The new bridge, which Kestrel Bank says is needed to cut journey times, will open in May.",
			[]string{"ORGANIZATION:Kestrel Bank | says | tentative"}},
		{"a person-typed modifier before the role",
			"Ana Ruiz adviser Tom Hale said the vote would be close.",
			[]string{"PERSON:Tom Hale | said | listed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := listedClaims(t, "Report\n\n"+tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
		})
	}
}

// listedClaims extracts text and lists its claims as "speakers | cue |
// listed" or "... | tentative" (graph.TentativeClaimConfidence).
func listedClaims(t *testing.T, text string) []string {
	t.Helper()
	ex, names := extractText(t, text)
	var got []string
	for _, c := range ex.Claims {
		listed := "tentative"
		if c.Citation.Confidence >= graph.TentativeClaimConfidence {
			listed = "listed"
		}
		got = append(got, fmt.Sprintf("%s | %s | %s", speakerNames(c, names), c.Cue.Text, listed))
		t.Logf("%.2f %q by %q", c.Citation.Confidence, c.Text, c.Source.Text)
	}
	return got
}

// speakerNames joins the "KIND:name" of a claim's speakers with "+".
func speakerNames(c graph.ClaimEvidence, names map[string]string) string {
	var spk []string
	for _, id := range c.SpeakerIDs {
		spk = append(spk, names[id])
	}
	return strings.Join(spk, "+")
}
