package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInflect: every form of a regular verb, with the final consonant
// doubled where spelling may want it, and the irregular forms.
func TestInflect(t *testing.T) {
	tests := []struct {
		lemma string
		want  []string
	}{
		{"note", []string{"note", "notes", "noted", "noting"}},
		{"highlight", []string{"highlight", "highlights", "highlighted", "highlighting"}},
		{"stress", []string{"stress", "stresses", "stressed", "stressing"}},
		{"deny", []string{"deny", "denies", "denied", "denying"}},
		{"admit", []string{"admit", "admits", "admitted", "admitting"}},
		{"say", []string{"say", "said", "says", "saying"}},
		{"write", []string{"write", "wrote", "written", "writes", "writing"}},
	}
	for _, tt := range tests {
		t.Run(tt.lemma, func(t *testing.T) {
			got := inflect(tt.lemma)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("inflect(%q) = %v, lacks %q", tt.lemma, got, w)
				}
			}
		})
	}
}

// TestReportingCues: a cue in any form of a reporting verb, or a particle
// verb with its particle, is a reporting word; the same verb without its
// particle, or a verb of doing, is not.
func TestReportingCues(t *testing.T) {
	tests := []struct {
		text string
		cue  string
		want bool
	}{
		{"The panel was highlighting the cost of the plan.", "highlighting", true},
		{"She kept stressing the risk of a fall.", "stressing", true},
		{"She kept assessing the risk as low.", "assessing", false},
		{"He was warning of a long winter.", "warning", true},
		{"They touched upon the cost of the plan.", "touched", true},
		{"The report points to a fall in prices.", "points", true},
		{"He touched the door of the car.", "touched", false},
		{"They pointed the camera at the hall.", "pointed", false},
		{"The club signed the striker in May.", "signed", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := &doc{}
			for _, w := range strings.Fields(strings.TrimSuffix(tt.text, ".")) {
				d.lower = append(d.lower, strings.ToLower(w))
			}
			k := slices.Index(d.lower, tt.cue)
			if got := d.reportingWordAt(k); got != tt.want {
				t.Errorf("reportingWordAt(%q) = %v, want %v", tt.cue, got, tt.want)
			}
		})
	}
}

// TestResolvedGroupConfidence: "the experts" resolved to the experts the
// article named is trusted as a resolved pronoun is, so their claims are
// listed by default (confidence at least graph.TentativeClaimConfidence)
// whatever form the reporting verb takes; a group the article named no one
// for stays below it.
func TestResolvedGroupConfidence(t *testing.T) {
	intro := "Host Ana Ruiz invited economist Tom Hale and analyst Piet Vos to the studio on Monday. "
	tests := []struct {
		name, text string
		want       []string // "speakers | cue | listed"
	}{
		{"highlighting", intro + "The experts also discussed the budget, highlighting the need for new taxes on imports.",
			[]string{"PERSON:Tom Hale+PERSON:Piet Vos | highlighting | listed"}},
		{"touched upon", intro + "Trade grew. The experts also touched upon the methods used by the smugglers, including their skilful use of small boats for night crossings.",
			[]string{"PERSON:Tom Hale+PERSON:Piet Vos | also touched upon | listed"}},
		{"pointed to", intro + "Trade grew. The experts also pointed to the risk that the smugglers would exploit the unrest in the ports.",
			[]string{"PERSON:Tom Hale+PERSON:Piet Vos | also pointed to | listed"}},
		{"nobody named", "Prices rose again in May. The experts also discussed the budget, highlighting the need for new taxes on imports.",
			[]string{" | highlighting | tentative"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := listedClaims(t, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("claims (-want +got):\n%s", diff)
			}
		})
	}
}
