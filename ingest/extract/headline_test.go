package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHeadlineClaims checks "Speaker: content" titles: a person or a
// report noun before the colon makes a claim; a place or a rubric does not.
func TestHeadlineClaims(t *testing.T) {
	const body = "\n\nThe council met on Friday and talked for an hour about the bridge and the roads."
	tests := []struct {
		name, title string
		want        []string // source | cue | claim text | verbatim
	}{
		{"person, quoted", "Mayor Tom Lane: ‘The bridge reopens in May’", []string{"Mayor Tom Lane | : | The bridge reopens in May | true"}},
		{"report noun", "Survey: Most farmers expect a dry year", []string{"Survey | : | Most farmers expect a dry year | false"}},
		{"place", "Lunport: Storm closes the harbour for two days", nil},
		{"rubric", "Live updates: storm closes the harbour", nil},
		{"too short", "Mayor Tom Lane: No", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, _ := extractText(t, tt.title+body)
			var got []string
			for _, c := range ex.Claims {
				if c.Citation.Extractor != "rules/2:headline" {
					continue
				}
				v := "false"
				if c.Verbatim {
					v = "true"
				}
				got = append(got, c.Source.Text+" | "+c.Cue.Text+" | "+c.Text+" | "+v)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("headline claims (-want +got):\n%s", diff)
			}
		})
	}
}
