package extract

import (
	"strings"
	"testing"
)

// TestPastRoles checks that a role marked as past makes no membership or
// leadership, while the same role without the marker does.
func TestPastRoles(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // a relationship that must be found ("" none)
		not        string // a relation type and source that must not be
	}{
		{"a current manager", "Harwick United manager Tom Hale praised his players.", "MEMBER_OF PERSON:Tom Hale", ""},
		{"a former manager", "Former Harwick United manager Tom Hale praised his successor.", "", "PERSON:Tom Hale ->"},
		{"a former chief", "Former Kestrel Bank chief Ann Berg denied the claims.", "", "PERSON:Ann Berg ->"},
		{"a former employee in apposition", "Among those charged is Karl Huber, a former employee of Vexa Foods.", "", "PERSON:Karl Huber ->"},
		{"the then leader", "The plan was drawn up by the then Reform Front leader Tom Hale.", "", "LEADER_OF PERSON:Tom Hale"},
		{"an ex- role", "Kestrel Bank ex-chairman Ann Berg denied the claims.", "", "LEADER_OF PERSON:Ann Berg"},
		{"a club played for", "Tom Hale played for Harwick United before he took up coaching.", "", "PERSON:Tom Hale ->"},
		{"a club played for since", "Tom Hale, who has played for Harwick United since 2019, is injured.", "MEMBER_OF PERSON:Tom Hale", ""},
		{"a club played for now", "Tom Hale plays for Harwick United.", "MEMBER_OF PERSON:Tom Hale", ""},
		{"a bank headed", "Ann Berg headed Kestrel Bank in the 1990s.", "", "LEADER_OF PERSON:Ann Berg"},
		{"a bank headed now", "Ann Berg heads Kestrel Bank.", "LEADER_OF PERSON:Ann Berg", ""},
		{"a past post", "Karl Huber was an economist at Vexa Foods before he retired.", "", "PERSON:Karl Huber ->"},
		{"a post held", "Karl Huber is an economist at Vexa Foods.", "MEMBER_OF PERSON:Karl Huber", ""},
		{"a past membership", "Karl Huber was a member of the Reform Front until 2010.", "", "PERSON:Karl Huber ->"},
		{"a board seat given", "Karl Huber was appointed to the board of Kestrel Bank.", "MEMBER_OF PERSON:Karl Huber", ""},
		{"a post given", "Karl Huber was named chairman of Kestrel Bank last week.", "LEADER_OF PERSON:Karl Huber", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, names := extractText(t, tt.text)
			got := relationStrings(ex, names)
			if tt.want != "" && !hasPrefixIn(got, tt.want) {
				t.Errorf("relationships %q lack %q", got, tt.want)
			}
			for _, r := range got {
				if tt.not != "" && strings.Contains(r, tt.not) && (strings.HasPrefix(r, "MEMBER_OF") || strings.HasPrefix(r, "LEADER_OF")) {
					t.Errorf("relationships %q hold %q", got, r)
				}
			}
		})
	}
}

// hasPrefixIn reports whether some relationship string starts with p.
func hasPrefixIn(rels []string, p string) bool {
	for _, r := range rels {
		if strings.HasPrefix(r, p) {
			return true
		}
	}
	return false
}
