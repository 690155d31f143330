package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestNestedNames checks the names found inside longer names: known
// places at a name's start or after its "of", and people the article
// names in full elsewhere; titles and adjectives are no such names.
func TestNestedNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "KIND:entity name=text" of the nested mentions
	}{
		{"place after of", "She studies at the University of Texas this year.", []string{"PLACE:Texas=Texas"}},
		{"place after of and a qualifier", "He took a degree at the University of Northern Texas in 1998.", []string{"PLACE:Texas=Texas"}},
		{"place begins a body's name", "A grant from the US National Science Foundation paid for the survey.", []string{"PLACE:United States=US"}},
		{"person named elsewhere begins a foundation", "Ada Brennick painted for fifty years. The Ada Brennick Foundation gave the prints away.",
			[]string{"PERSON:Ada Brennick=Ada Brennick"}},
		{"a title after a place is no name", "The girl was praised by US President Carla Mendes on Monday.", nil},
		{"an adjective is no place", "The Greek Orthodox Church criticised the plan.", nil},
		{"a people's adjective is no place", "The Welsh Rugby Union named a new coach.", nil},
		{"a person's name holds none", "Jordan Henderson scored twice on Sunday.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, byID := extractText(t, tt.text)
			var got []string
			for _, m := range ex.Mentions {
				if strings.HasSuffix(m.Citation.Extractor, ":"+nestedRule) {
					got = append(got, byID[m.EntityID]+"="+m.Text)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("nested mentions (-want +got):\n%s", diff)
			}
		})
	}
}
